/**
 * The page's mailbox for training snapshots: bounded (one waiting per run, latest wins) and
 * drained once per displayed frame. A snapshot that arrives while another waits is merged into it
 * (`mergeSnapshots`: the newer state, the histories of both), so the page never queues stale
 * snapshots nor loses a curve point, and at most one snapshot is rendered per frame, inside
 * the frame (no render tasks between frames).
 *
 * The engine keeps one snapshot in flight (`trainingRun.ts`); its delivery is acknowledged
 * when the frame takes it, before the page renders it, so the engine composes the next one
 * while the page paints this one. Training itself never waits for the page: at full speed the
 * engine only skips composing while one is in flight. While the page is hidden (a background
 * tab, a minimised window: no frames) snapshots are applied at once.
 *
 * Pure bookkeeping with an injected clock, unit-tested by driving frames by hand.
 */
import type { TrainSnapshot } from '../../../engine/host/training'
import type { ViewId } from '../../../engine/views/registry'

/** What a frame applies: the snapshot and the iteration each of its view payloads was computed at. */
export interface Delivery {
  snapshot: TrainSnapshot
  viewsAt: Partial<Record<ViewId, number>>
}

/** When the page draws: `request` calls back at the next displayed frame (or when the page is hidden meanwhile). */
export interface FrameClock {
  request(callback: () => void): void
  /** True while the page gets no frames (hidden). */
  hidden(): boolean
}

/** The iteration each view payload of `s` was computed at (its own iteration). */
function viewsAtOf(s: TrainSnapshot): Delivery['viewsAt'] {
  const at: Delivery['viewsAt'] = {}
  for (const id of Object.keys(s.views) as ViewId[]) at[id] = s.iteration
  return at
}

/**
 * `newer` with the histories `older` carried and `newer` does not: curve points and finished
 * epochs of both in order, each view's newest payload. A snapshot of another reset generation
 * (or run) replaces `older` whole (its histories start again).
 */
export function mergeSnapshots(older: Delivery, newer: TrainSnapshot): Delivery {
  const o = older.snapshot
  if (o.runId !== newer.runId || o.generation !== newer.generation) return { snapshot: newer, viewsAt: viewsAtOf(newer) }
  return {
    snapshot: { ...newer, points: [...o.points, ...newer.points], epochs: [...o.epochs, ...newer.epochs], views: { ...o.views, ...newer.views } },
    viewsAt: { ...older.viewsAt, ...viewsAtOf(newer) },
  }
}

export class SnapshotMailbox {
  /** The snapshot waiting of each run (the ▶ Train run, sweep points training beside it), in arrival order. */
  private waiting = new Map<string, Delivery>()
  /** Acknowledgements of the snapshots merged into `waiting`, given when a frame takes them. */
  private acks: Array<() => void> = []
  private frameAsked = false

  constructor(
    private readonly apply: (delivery: Delivery) => void,
    private readonly clock: FrameClock,
  ) {}

  /** A snapshot from the engine; resolves once a frame has taken it (at once while the page is hidden). */
  post(snapshot: TrainSnapshot): Promise<void> {
    const older = this.waiting.get(snapshot.runId)
    this.waiting.set(snapshot.runId, older ? mergeSnapshots(older, snapshot) : { snapshot, viewsAt: viewsAtOf(snapshot) })
    const taken = new Promise<void>((resolve) => this.acks.push(resolve))
    if (this.clock.hidden()) this.take()
    else if (!this.frameAsked) {
      this.frameAsked = true
      this.clock.request(() => {
        this.frameAsked = false
        this.take()
      })
    }
    return taken
  }

  /** Whether a snapshot waits for a frame. */
  get pending(): boolean {
    return this.waiting.size > 0
  }

  /** Applies the waiting snapshots (one per run), acknowledging first so the engine composes the next meanwhile. */
  private take(): void {
    const deliveries = [...this.waiting.values()]
    const acks = this.acks
    this.waiting = new Map()
    this.acks = []
    for (const ack of acks) ack()
    for (const delivery of deliveries) this.apply(delivery)
  }
}
