/**
 * Builds what a snapshot shows of a session: new curve points (with validation when it is
 * cheap), finished epochs, every dense layer's weights and gradients, the probe set's hidden
 * codes and the input plane. Every array is a fresh copy, so its buffer can be transferred.
 */
import type { Session } from '../train'
import type { ResolvedData } from './trainingData'
import type { CurvePoint, EpochPoint, RunInfo, TrainSnapshot } from './trainingTypes'
import { layerStates, planeInputs, planeState, probeLayers } from './trainingViews'

/** The part of a snapshot that shows the network and its curves. */
export type SnapshotViews = Pick<TrainSnapshot, 'points' | 'epochs' | 'layers' | 'probe' | 'plane'>

export class SnapshotComposer {
  private readonly probeInputs: Float64Array | null
  private readonly grid: Float64Array | null
  private epochsSent = 0

  constructor(
    private readonly info: RunInfo,
    private readonly data: ResolvedData,
    private readonly liveValidation: boolean,
  ) {
    this.probeInputs = info.probe ? Float64Array.from(info.probe.inputs.flat()) : null
    this.grid = info.plane ? planeInputs(info.plane) : null
  }

  /** Start the epoch list again (after a reset). */
  restart(): void {
    this.epochsSent = 0
  }

  /** The views of `s` now, with the curve `points` recorded since the last snapshot. */
  compose(s: Session, points: CurvePoint[]): { views: SnapshotViews; transfer: ArrayBuffer[] } {
    const layers = layerStates(s)
    const probe = this.probeInputs ? probeLayers(s, this.probeInputs, this.info.probe!.count) : null
    const plane = this.grid ? planeState(s, this.grid, this.info.plane!.size) : null
    const epochs: EpochPoint[] = s.history.slice(this.epochsSent).map((m) => ({ ...m }))
    this.epochsSent = s.history.length
    if (this.liveValidation && points.length > 0) {
      const v = this.data.validation ? s.evaluate(this.data.validation) : s.evaluate(s.train, s.valIndices)
      const last = points[points.length - 1]
      last.valLoss = v.loss
      if (v.accuracy !== undefined) last.valAccuracy = v.accuracy
    }
    const views: SnapshotViews = { points, epochs, layers, probe, plane }
    return { views, transfer: transferablesOf(views) }
  }
}

/** The buffers of every typed array in `views` (each a fresh copy made for this snapshot). */
function transferablesOf({ layers, probe, plane }: SnapshotViews): ArrayBuffer[] {
  const transfer: ArrayBuffer[] = []
  const move = (a: { buffer: ArrayBufferLike } | null) => {
    if (a) transfer.push(a.buffer as ArrayBuffer)
  }
  for (const l of layers) [l.weights, l.gradWeights, l.biases, l.gradBiases].forEach(move)
  for (const p of probe ?? []) [p.out, p.binary].forEach(move)
  if (plane) {
    move(plane.score)
    move(plane.classes)
    for (const h of plane.hidden) move(h.values)
  }
  return transfer
}
