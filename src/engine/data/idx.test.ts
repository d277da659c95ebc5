import { gzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { IDX_TYPES, encodeIdx, parseIdx, type IdxArray, type IdxTypeId } from './idx'
import { idxToDataset } from './idxDataset'

const header = (type: number, dims: number[]): number[] => [
  0,
  0,
  type,
  dims.length,
  ...dims.flatMap((d) => [(d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255]),
]

describe('parseIdx golden bytes (big-endian)', () => {
  it.each([
    ['ubyte', 0x08, [0x00, 0x7f, 0xff], [0, 127, 255]],
    ['byte', 0x09, [0x00, 0x7f, 0xff, 0x80], [0, 127, -1, -128]],
    ['short', 0x0b, [0x01, 0x02, 0xff, 0xfe], [258, -2]],
    ['int', 0x0c, [0x00, 0x01, 0x00, 0x00, 0xff, 0xff, 0xff, 0xfe], [65536, -2]],
    ['float', 0x0d, [0x3f, 0xc0, 0x00, 0x00, 0xc0, 0x20, 0x00, 0x00], [1.5, -2.5]],
    [
      'double',
      0x0e,
      [0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18],
      [1.5, Math.PI],
    ],
  ] as const)('%s (0x%s)', (type, code, payload, values) => {
    const bytes = Uint8Array.from([...header(code, [values.length]), ...payload])
    const a = parseIdx(bytes)
    expect(a.type).toBe(type)
    expect(a.dims).toEqual([values.length])
    expect(Array.from(a.data)).toEqual(values)
    expect(a.data).toBeInstanceOf(IDX_TYPES[type].create(0).constructor)
  })
})

describe('IDX round trip for every type and rank', () => {
  const samples: Record<IdxTypeId, number[]> = {
    ubyte: [0, 1, 128, 255],
    byte: [-128, -1, 0, 127],
    short: [-32768, -1, 0, 32767],
    int: [-2147483648, -1, 0, 2147483647],
    float: [-1.5, 0, 3.25, 1e-3],
    double: [-1e300, 0, Math.PI, 5e-324],
  }
  for (const type of Object.keys(IDX_TYPES) as IdxTypeId[]) {
    for (const dims of [[24], [6, 4], [2, 3, 4], [2, 1, 3, 4]]) {
      it(`${type} ${dims.join('×')}, plain and gzipped`, () => {
        const data = IDX_TYPES[type].create(24)
        for (let i = 0; i < 24; i++) data[i] = samples[type][i % 4]
        const array: IdxArray = { type, dims, data }
        const bytes = encodeIdx(array)
        expect(bytes.length).toBe(4 + 4 * dims.length + 24 * IDX_TYPES[type].bytes)
        expect(parseIdx(bytes)).toEqual(array)
        expect(parseIdx(gzipSync(bytes))).toEqual(array)
      })
    }
  }
})

describe('idxToDataset', () => {
  const images: IdxArray = {
    type: 'ubyte',
    dims: [3, 2, 2],
    data: Uint8Array.from({ length: 12 }, (_, i) => i * 20),
  }
  const labels: IdxArray = { type: 'ubyte', dims: [3], data: Uint8Array.from([2, 0, 1]) }

  it('keeps ubyte images as the same bytes with inputScale 1/255', () => {
    const ds = idxToDataset(images, labels, { labelNames: ['a', 'b', 'c', 'd'] })
    expect(ds.inputs).toBe(images.data)
    expect(ds).toMatchObject({
      count: 3,
      inputSize: 4,
      inputShape: [2, 2],
      inputScale: 1 / 255,
      targetSize: 4,
    })
    expect(Array.from(ds.labels!)).toEqual([2, 0, 1])
    expect(ds.labelNames).toEqual(['a', 'b', 'c', 'd'])
  })

  it('without names: targetSize = max label + 1, names "0", "1", …', () => {
    const ds = idxToDataset(images, labels)
    expect([ds.targetSize, ds.labelNames]).toEqual([3, ['0', '1', '2']])
  })

  it('float images become Float64 inputs with scale 1; no labels → no targets', () => {
    const f: IdxArray = {
      type: 'float',
      dims: [2, 3],
      data: Float32Array.from([0.5, 1, 2, 3, 4, 5]),
    }
    const ds = idxToDataset(f)
    expect(ds.inputs).toEqual(Float64Array.from([0.5, 1, 2, 3, 4, 5]))
    expect([ds.inputScale, ds.targetSize, ds.labels]).toEqual([1, 0, undefined])
  })

  it('labels of 256 classes or more are Int32', () => {
    const many: IdxArray = { type: 'int', dims: [3], data: Int32Array.from([0, 300, 5]) }
    const ds = idxToDataset(images, many)
    expect(ds.labels).toBeInstanceOf(Int32Array)
    expect(ds.targetSize).toBe(301)
  })
})

describe('a damaged header that announces many dimensions', () => {
  // Found by the fuzz suite (seed 701485462): a mutated magic number announced 132 dimensions and
  // the message listed all of them (1,485 characters).
  it('is refused with a short message naming the shape by its ends and its rank', () => {
    const rank = 132
    const bytes = new Uint8Array(4 + 4 * rank)
    const view = new DataView(bytes.buffer)
    view.setUint32(0, 0x0800 | rank)
    for (let d = 0; d < rank; d++) view.setUint32(4 + 4 * d, 1000 + d)
    let message = ''
    try {
      parseIdx(bytes, { name: 'images' })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/^"images" \(1000×1001×1002×…×1130×1131 \(132 dimensions\) ubyte\)/)
    expect(message.length).toBeLessThan(300)
  })
})
