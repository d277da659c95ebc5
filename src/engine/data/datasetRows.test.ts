import { afterEach, describe, expect, it } from 'vitest'
import type { Dataset } from '../spec'
import { installWasmKernels, uninstallWasmKernels } from '../kernels/install'
import { affineBytesRowsToF32, allocFloat32 } from '../kernels/gemm'
import { createRng } from '../rng'
import { datasetByteScale, datasetReadRow, datasetReadRows } from './datasetRows'
import { applyNormalization, fitNormalization, type NormalizationId } from './normalize'

/** 40 random n-pixel "images" as IDX reads them (bytes, inputScale 1/255); n = 7 leaves a tail after the SIMD groups of 4. */
function images(n = 7): Dataset {
  const rng = createRng(3)
  const inputs = Uint8Array.from({ length: 40 * n }, () => rng.nextUint32() & 255)
  return { count: 40, inputSize: n, inputs, inputScale: 1 / 255, targetSize: 0 }
}

/** Rows 5, 0, 39, 12 read one by one through the general formula (shift, per-feature scale, scale). */
function rowByRow(ds: Dataset, out: Float32Array | Float64Array): Float32Array | Float64Array {
  ;[5, 0, 39, 12].forEach((i, r) => {
    for (let k = 0; k < ds.inputSize; k++) {
      const x = (ds.inputs[i * ds.inputSize + k] - (ds.inputShift?.[k] ?? 0)) * (ds.inputScalePerFeature?.[k] ?? 1) * (ds.inputScale ?? 1)
      out[r * ds.inputSize + k] = x
    }
  })
  return out
}

function batch(ds: Dataset, out: Float32Array | Float64Array): Float32Array | Float64Array {
  datasetReadRows(ds, [5, 0, 39, 12], 0, 4, out)
  return out
}

function normalized(id: NormalizationId, n = 7): Dataset {
  const ds = images(n)
  return applyNormalization(ds, fitNormalization(ds, id))
}

describe('datasetByteScale: bytes that read as byte · one scale', () => {
  afterEach(() => uninstallWasmKernels())

  it('is the images’ own scale, and the per-feature scale of a trivial normalisation (none, divide255)', () => {
    expect(datasetByteScale(images())).toBe(1 / 255)
    expect(datasetByteScale(normalized('none'))).toBe(1 / 255)
    expect(datasetByteScale(normalized('divide255'))).toBe(1 / 255)
  })

  it('is null where rows need the general formula', () => {
    expect(datasetByteScale(normalized('zScore'))).toBeNull()
    expect(datasetByteScale(normalized('minMax'))).toBeNull()
    const shifted = { ...normalized('none'), inputShift: new Float64Array(7).fill(1) }
    expect(datasetByteScale(shifted)).toBeNull()
    // Two scales ≠ 1 round twice in the general formula: not one scale.
    expect(datasetByteScale({ ...normalized('divide255'), inputScale: 3 })).toBeNull()
    expect(datasetByteScale({ ...images(), inputs: new Float64Array(280) })).toBeNull()
  })

  it('normalised bytes convert in one WebAssembly call, with the bits of the general formula', () => {
    expect(installWasmKernels()).toBe(true)
    for (const n of [7, 12, 784]) {
      for (const id of ['zScore', 'minMax'] as const) {
        const ds = normalized(id, n)
        const out = allocFloat32(4 * n)
        expect(affineBytesRowsToF32(n, 1, ds.inputs as Uint8Array, [5, 0, 39, 12], 0, 4, ds.inputShift!, ds.inputScalePerFeature!, out, 0)).toBe(true)
        expect(Array.from(out), `${id} n=${n}`).toEqual(Array.from(rowByRow(ds, new Float32Array(4 * n))))
      }
    }
    // Not into a buffer outside the kernel's memory: the caller converts.
    const ds = normalized('zScore')
    expect(affineBytesRowsToF32(7, 1, ds.inputs as Uint8Array, [0], 0, 1, ds.inputShift!, ds.inputScalePerFeature!, new Float32Array(7), 0)).toBe(false)
  })

  for (const kernel of ['typescript', 'webassembly'] as const) {
    it(`a batch of trivially normalised bytes has the bits of the general formula (${kernel})`, () => {
      if (kernel === 'webassembly') expect(installWasmKernels()).toBe(true)
      for (const id of ['none', 'divide255', 'zScore', 'minMax'] as const) {
        const ds = normalized(id)
        // Float32 rows in the kernel's memory (a network's X) take the WebAssembly conversions.
        for (const make of [() => allocFloat32(28), () => new Float32Array(28), () => new Float64Array(28)]) {
          expect(Array.from(batch(ds, make())), id).toEqual(Array.from(rowByRow(ds, make())))
        }
        const one = new Float32Array(7)
        datasetReadRow(ds, 39, one)
        expect(Array.from(batch(ds, new Float32Array(28)).subarray(14, 21))).toEqual(Array.from(one))
      }
    })
  }
})
