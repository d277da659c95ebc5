/**
 * Builds what a snapshot shows of a session: new curve points (with validation when it is
 * cheap), finished epochs, each dense layer's gradient norm, and the payloads of the live views
 * on screen (`src/engine/views`): a view the UI does not show is not computed, and a shown one
 * at most once per snapshot (a snapshot may leave the shown views out: `SnapshotAnswer`). A view
 * newly shown comes with the next snapshot in any case. Every array is a fresh copy, so its
 * buffer can be transferred.
 */
import type { Session } from '../train'
import type { ResolvedData } from './trainingData'
import type { CurvePoint, EpochPoint, RunInfo, TrainSnapshot } from './trainingTypes'
import { LIVE_VIEWS, VIEW_IDS } from '../views/registry'
import type { LiveView, ViewCompute } from '../views/liveView'

/** The part of a snapshot that shows the network and its curves. */
export type SnapshotViews = Pick<TrainSnapshot, 'points' | 'epochs' | 'gradNorms' | 'views'>

export class SnapshotComposer {
  /** The compute of every view this run has something to show in (prepared once). */
  private readonly computes = new Map<string, ViewCompute<unknown>>()
  private shown = new Set<string>()
  /** Views shown since the last snapshot (they come with the next one, whichever views it carries). */
  private fresh = new Set<string>()
  private epochsSent = 0

  /** `shown`: the views on screen at the start (default every view); `registry`: the live views. */
  constructor(
    info: RunInfo,
    private readonly data: ResolvedData,
    private readonly liveValidation: boolean,
    shown: readonly string[] = VIEW_IDS,
    private readonly registry: Readonly<Record<string, LiveView>> = LIVE_VIEWS,
  ) {
    for (const [id, view] of Object.entries(registry)) {
      const compute = view.computeFor?.(info)
      if (compute) this.computes.set(id, compute)
    }
    this.show(shown)
  }

  /** Start the epoch list again (after a reset). */
  restart(): void {
    this.epochsSent = 0
  }

  /**
   * Which views are on screen now (throws a RangeError naming an unknown id); returns those
   * newly shown that have a payload in this run, which the next snapshot will carry.
   */
  show(ids: readonly string[]): string[] {
    const unknown = ids.find((id) => typeof id !== 'string' || !Object.hasOwn(this.registry, id))
    if (unknown !== undefined) throw new RangeError(`There is no live view "${String(unknown).slice(0, 40)}" (the views are ${Object.keys(this.registry).join(', ')}).`)
    const added = ids.filter((id) => !this.shown.has(id) && this.computes.has(id))
    this.shown = new Set(ids)
    for (const id of added) this.fresh.add(id)
    return added
  }

  /**
   * The snapshot part of `s` now, with the curve `points` recorded since the last snapshot and
   * the payloads of the shown views (only `only` of them and those newly shown, when given).
   */
  compose(s: Session, points: CurvePoint[], only?: readonly string[]): { views: SnapshotViews; transfer: ArrayBuffer[] } {
    const epochs = this.unsentEpochs(s)
    if (this.liveValidation && points.length > 0) {
      const v = this.data.validation ? s.evaluate(this.data.validation) : s.evaluate(s.train, s.valIndices)
      const last = points[points.length - 1]
      last.valLoss = v.loss
      if (v.accuracy !== undefined) last.valAccuracy = v.accuracy
    }
    const payloads = this.payloads(s, only && [...new Set([...only, ...this.fresh])])
    this.fresh.clear()
    const gradNorms = s.gradientNorms().map((g) => g.norm)
    const views: SnapshotViews = { points, epochs, gradNorms, views: payloads as SnapshotViews['views'] }
    // Sent only once built: when building throws, the epochs go with the bare snapshot instead.
    this.epochsSent = s.history.length
    return { views, transfer: transferablesOf(payloads) }
  }

  /** The curve `points` and the epochs not yet sent, without any view: what goes out when `compose` throws. */
  bare(s: Session, points: CurvePoint[]): SnapshotViews {
    const epochs = this.unsentEpochs(s)
    this.epochsSent = s.history.length
    return { points, epochs, gradNorms: [], views: {} }
  }

  private unsentEpochs(s: Session): EpochPoint[] {
    return s.history.slice(this.epochsSent).map((m) => ({ ...m }))
  }

  /** The payloads of the shown views of `s` now (only `only` of them, when given); the time machine replays with it. */
  payloads(s: Session, only?: readonly string[]): SnapshotViews['views'] {
    const payloads: Record<string, unknown> = {}
    for (const id of only ?? this.shown) {
      const compute = this.computes.get(id)
      if (compute && this.shown.has(id)) payloads[id] = compute(s)
    }
    return payloads as SnapshotViews['views']
  }
}

/** The buffers of every typed array in `value` (payloads are fresh copies made for this snapshot). */
function transferablesOf(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer)
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) transferablesOf(v, found)
  return [...found]
}
