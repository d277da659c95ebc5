/**
 * The parts of a run's `RunInfo` the live views draw on (`src/engine/views`): the probe set
 * whose hidden codes the hidden-activations view tables, and the input plane (its extent and
 * the points scattered on it) of the decision boundary, for 2-D inputs.
 */
import type { Session } from '../train'
import { classOf, datasetInputRow } from '../train'
import type { RunInfo } from './trainingTypes'

/** Largest probe set shown as a patterns × units table. */
export const MAX_PROBE_PATTERNS = 64

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
