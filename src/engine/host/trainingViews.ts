/**
 * The parts of a run's `RunInfo` the live views draw on (`src/engine/views`): the probe set
 * whose hidden codes the hidden-activations view tables, and the input plane (its extent and
 * the points scattered on it) of the decision boundary, for 2-D inputs.
 */
import type { Session } from '../train'
import type { Dataset } from '../spec'
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
  const classes = session.classification ? inputs.map((_, i) => targetClassOf(ds, i, session.binaryThreshold)) : null
  return { count: ds.count, names, inputs, classes }
}

/** Class of row i of `ds` (argmax of its target, or its label). */
function targetClassOf(ds: Dataset, i: number, threshold: number): number {
  if (ds.labels) return ds.labels[i]
  return classOf(ds.targets!, i * ds.targetSize, ds.targetSize, threshold)
}

/** Most points of each set the plane scatters. */
const MAX_PLANE_POINTS = 2000

/** The first points of `ds` `[n×2]` (at most MAX_PLANE_POINTS), widening `box` [xMin, xMax, yMin, yMax] to every row. */
function scatterPoints(ds: Dataset, box: number[]): Float32Array {
  const shown = Math.min(ds.count, MAX_PLANE_POINTS)
  const points = new Float32Array(shown * 2)
  for (let i = 0; i < ds.count; i++) {
    const [x, y] = datasetInputRow(ds, i)
    box[0] = Math.min(box[0], x)
    box[1] = Math.max(box[1], x)
    box[2] = Math.min(box[2], y)
    box[3] = Math.max(box[3], y)
    if (i < shown) {
      points[2 * i] = x
      points[2 * i + 1] = y
    }
  }
  return points
}

/**
 * The plane's extent: the bounding box of the training (and test) inputs, padded by a quarter
 * of its size; the points to scatter, training rows held out for validation marked, and the
 * held-out test set's points apart.
 */
export function planeInfo(session: Session, size: number, test?: Dataset): RunInfo['plane'] {
  const ds = session.train
  if (ds.inputSize !== 2) return null
  const box = [Infinity, -Infinity, Infinity, -Infinity]
  const points = scatterPoints(ds, box)
  const testPoints = test && test.inputSize === 2 && test.count > 0 ? scatterPoints(test, box) : null
  const [xMin, xMax, yMin, yMax] = box
  const padX = Math.max(0.25 * (xMax - xMin), 0.1)
  const padY = Math.max(0.25 * (yMax - yMin), 0.1)
  const classesOf = (d: Dataset, n: number) => (session.classification ? Int32Array.from({ length: n }, (_, i) => targetClassOf(d, i, session.binaryThreshold)) : null)
  const shown = points.length / 2
  // Rows held out for validation are drawn apart from those the network trains on.
  let held: Uint8Array | null = null
  if (session.valIndices.length > 0) {
    held = new Uint8Array(shown)
    for (const i of session.valIndices) if (i < shown) held[i] = 1
  }
  return {
    xMin: xMin - padX,
    xMax: xMax + padX,
    yMin: yMin - padY,
    yMax: yMax + padY,
    size,
    points,
    classes: classesOf(ds, shown),
    held,
    test: testPoints ? { points: testPoints, classes: classesOf(test!, testPoints.length / 2) } : null,
  }
}
