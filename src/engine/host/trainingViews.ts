/**
 * What the training views show, computed from a session: weights and gradients per dense
 * layer, hidden activations of a probe set (the 8-3-8 encoder's codes), and the network over
 * the input plane for 2-D inputs (decision boundary and one map per hidden unit).
 *
 * Everything is copied into fresh `Float32Array`s so it can be transferred to the UI.
 */
import type { Session } from '../train'
import { classOf, datasetInputRow } from '../train'
import type { LayerState, PlaneState, ProbeLayer, RunInfo } from './trainingTypes'

/** Largest probe set shown as a patterns × units table. */
export const MAX_PROBE_PATTERNS = 64

/** Weights, biases, last gradients and ‖grad‖₂ of every dense layer, as float32 copies. */
export function layerStates(session: Session): LayerState[] {
  return session.network.weighted.map((l) => {
    const { W, b, gW, gb } = l.weights
    const weights = Float32Array.from(W)
    const gradWeights = Float32Array.from(gW)
    let sq = 0
    let maxAbsGrad = 0
    for (let i = 0; i < gW.length; i++) {
      const g = gW[i]
      sq += g * g
      if (Math.abs(g) > maxAbsGrad) maxAbsGrad = Math.abs(g)
    }
    if (gb) for (let i = 0; i < gb.length; i++) sq += gb[i] * gb[i]
    let maxAbsWeight = 0
    for (let i = 0; i < weights.length; i++) if (Math.abs(weights[i]) > maxAbsWeight) maxAbsWeight = Math.abs(weights[i])
    return {
      nodeId: l.nodeId,
      nIn: l.nIn,
      units: l.units,
      weights,
      biases: b ? Float32Array.from(b) : null,
      gradWeights,
      gradBiases: gb ? Float32Array.from(gb) : null,
      gradNorm: Math.sqrt(sq),
      maxAbsWeight,
      maxAbsGrad,
    }
  })
}

/** The probe set: every training row when there are at most `MAX_PROBE_PATTERNS`. */
export function probeInfo(session: Session): RunInfo['probe'] {
  const ds = session.train
  if (ds.count > MAX_PROBE_PATTERNS) return null
  const inputs: number[][] = []
  for (let i = 0; i < ds.count; i++) inputs.push(Array.from(datasetInputRow(ds, i)))
  // Bit patterns read as codes ("10000000"); any other numbers need a space between them ("0.05 0.10").
  const bits = ds.inputSize <= 16 && inputs.every((row) => row.every((v) => v === 0 || v === 1))
  const names = inputs.map((row, i) => ds.labelNames?.[ds.labels?.[i] ?? -1] ?? row.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(2))).join(bits ? '' : ' '))
  const classes = session.classification ? inputs.map((_, i) => targetClass(session, i)) : null
  return { count: ds.count, names, inputs, classes }
}

/** Class of training row i (argmax of its target, or its label). */
function targetClass(session: Session, i: number): number {
  const ds = session.train
  if (ds.labels) return ds.labels[i]
  return classOf(ds.targets!, i * ds.targetSize, ds.targetSize, session.binaryThreshold)
}

/**
 * Outputs of every dense layer for the probe rows `[count×units]`, binarised at the
 * activation's midpoint (0.5 for sigmoid, 0 otherwise), with the number of distinct codes.
 */
export function probeLayers(session: Session, probeInputs: Float64Array, count: number): ProbeLayer[] {
  const acts = session.activations(probeInputs, count)
  return session.network.weighted.map((l) => {
    const a = acts[l.index]
    const threshold = l.activation?.id === 'sigmoid' || l.activation?.id === 'softmax' ? 0.5 : 0
    const out = Float32Array.from(a.out)
    const binary = new Uint8Array(out.length)
    const codes = new Set<string>()
    for (let p = 0; p < count; p++) {
      let code = ''
      for (let j = 0; j < a.units; j++) {
        const bit = a.out[p * a.units + j] >= threshold ? 1 : 0
        binary[p * a.units + j] = bit
        code += bit
      }
      codes.add(code)
    }
    return { nodeId: l.nodeId, units: a.units, out, binary, threshold, distinctCodes: codes.size }
  })
}

/** The plane's extent: the training inputs' bounding box, padded by a quarter of its size. */
export function planeInfo(session: Session, size: number): RunInfo['plane'] {
  const ds = session.train
  if (ds.inputSize !== 2) return null
  let xMin = Infinity
  let xMax = -Infinity
  let yMin = Infinity
  let yMax = -Infinity
  const shown = Math.min(ds.count, 2000)
  const points = new Float32Array(shown * 2)
  for (let i = 0; i < ds.count; i++) {
    const [x, y] = datasetInputRow(ds, i)
    xMin = Math.min(xMin, x)
    xMax = Math.max(xMax, x)
    yMin = Math.min(yMin, y)
    yMax = Math.max(yMax, y)
    if (i < shown) {
      points[2 * i] = x
      points[2 * i + 1] = y
    }
  }
  const padX = Math.max(0.25 * (xMax - xMin), 0.1)
  const padY = Math.max(0.25 * (yMax - yMin), 0.1)
  const classes = session.classification ? Int32Array.from({ length: shown }, (_, i) => targetClass(session, i)) : null
  // Rows held out for validation are drawn apart from those the network trains on.
  let held: Uint8Array | null = null
  if (session.valIndices.length > 0) {
    held = new Uint8Array(shown)
    for (const i of session.valIndices) if (i < shown) held[i] = 1
  }
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY, size, points, classes, held }
}

/** Grid inputs `[size²×2]`: cell (r, c) is x = xMin + (c + ½)·dx, y = yMax − (r + ½)·dy. */
export function planeInputs(plane: NonNullable<RunInfo['plane']>): Float64Array {
  const { size, xMin, xMax, yMin, yMax } = plane
  const grid = new Float64Array(size * size * 2)
  const dx = (xMax - xMin) / size
  const dy = (yMax - yMin) / size
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      grid[2 * (r * size + c)] = xMin + (c + 0.5) * dx
      grid[2 * (r * size + c) + 1] = yMax - (r + 0.5) * dy
    }
  }
  return grid
}

/** The network over the plane: the output's class score per cell and every hidden unit's map. */
export function planeState(session: Session, grid: Float64Array, size: number): PlaneState {
  const cells = size * size
  const acts = session.activations(grid, cells)
  const outLayer = session.network.output
  const out = acts[outLayer.index].out
  const nOut = outLayer.units
  const score = new Float32Array(cells)
  let classes: Uint8Array | null = null
  if (nOut === 1) {
    const signed = session.binaryThreshold === 0
    for (let p = 0; p < cells; p++) score[p] = signed ? Math.max(-1, Math.min(1, out[p])) : Math.max(-1, Math.min(1, 2 * out[p] - 1))
  } else if (nOut === 2) {
    for (let p = 0; p < cells; p++) score[p] = Math.max(-1, Math.min(1, out[2 * p + 1] - out[2 * p]))
  } else {
    classes = new Uint8Array(cells)
    for (let p = 0; p < cells; p++) {
      const k = classOf(out, p * nOut, nOut, 0.5)
      classes[p] = k
      score[p] = out[p * nOut + k]
    }
  }
  const hidden = session.network.weighted.filter((l) => l !== outLayer).map((l) => {
    const a = acts[l.index].out
    // Unit-major so each unit's map is one contiguous size×size image.
    const values = new Float32Array(cells * l.units)
    let min = Infinity
    let max = -Infinity
    for (let p = 0; p < cells; p++) {
      for (let j = 0; j < l.units; j++) {
        const v = a[p * l.units + j]
        values[j * cells + p] = v
        if (v < min) min = v
        if (v > max) max = v
      }
    }
    return { nodeId: l.nodeId, units: l.units, values, min, max }
  })
  return { size, score, classes, hidden }
}
