/**
 * The page's mailbox for training snapshots: bounded (one waiting per run, latest wins) and
 * drained once per displayed frame. A snapshot that arrives while another waits is merged into it
 * (`mergeSnapshots`: the newer state, the histories of both), so the page never queues stale
 * snapshots nor loses a curve point, and at most one snapshot is rendered per frame, inside
 * the frame (no render tasks between frames).
 *
 * The engine keeps one snapshot in flight per run (`trainingRun.ts`) and composes the next only
 * once the page has answered it, so the page paces the snapshots by when it answers. At full
 * speed it answers when its drawing budget allows (`drawingBudget.ts`: each rendered snapshot's
 * cost, measured from taking it to just after the frame that showed it was painted, is paid
 * back at a share of wall time; at least 4 snapshots a second), and says whether the next one
 * carries the live views' payloads (`SnapshotAnswer.viewsDue`): the costly pictures are asked
 * for only as often as the budget allows, so the engine does not even compute them in between.
 * Every other snapshot (paused, finished, stopped, failed, watchable speed) is answered when a
 * frame takes it, before it is rendered, so the engine composes the next while the page paints;
 * so are all while the user asks for the run as it is (`hurry`, `urgently`: a command, a view
 * coming into sight). While the page is hidden (a background tab, a minimised window: no
 * frames) snapshots are applied and answered at once.
 *
 * Pure bookkeeping with an injected clock, unit-tested by driving frames and time by hand.
 */
import type { TrainSnapshot } from '../../../engine/host/training'
import type { SnapshotAnswer } from '../../../engine/host/events'
import type { ViewId } from '../../../engine/views/registry'
import { DrawingBudget } from './drawingBudget'

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
  /** The time now, in ms. */
  now(): number
  /** Calls back just after the frame being drawn now has been painted. */
  afterPaint(callback: () => void): void
  /** Calls back `ms` from now (or as soon as the page is hidden meanwhile). */
  after(ms: number, callback: () => void): void
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

/** Snapshots answered at once after the user asked for the run as it is (the one in flight, then the one with the views). */
const URGENT_TAKES = 2

type Answer = (answer: SnapshotAnswer) => void

/** Whether the budget paces `s`: a run training at full speed. */
const isPaced = (s: TrainSnapshot): boolean => s.state === 'running' && s.speed === 0

export class SnapshotMailbox {
  /** The snapshot waiting of each run (the ▶ Train run, sweep points training beside it), in arrival order. */
  private waiting = new Map<string, Delivery>()
  /** Answers of the snapshots merged into `waiting`, given when a frame takes them (or later). */
  private answers: Answer[] = []
  /** Answers of snapshots taken, given once the drawing budget allows. */
  private held: Answer[] = []
  private frameAsked = false
  /** Bumped whenever the held answers are given, so a timer set before does nothing. */
  private releases = 0
  private urgentCalls = 0
  private urgentTakes = 0

  constructor(
    private readonly apply: (delivery: Delivery) => void,
    private readonly clock: FrameClock,
    private readonly budget = new DrawingBudget(),
  ) {}

  /** A snapshot from the engine; resolves with the page's answer once a frame has taken it and the budget allows. */
  post(snapshot: TrainSnapshot): Promise<SnapshotAnswer> {
    const older = this.waiting.get(snapshot.runId)
    this.waiting.set(snapshot.runId, older ? mergeSnapshots(older, snapshot) : { snapshot, viewsAt: viewsAtOf(snapshot) })
    const answered = new Promise<SnapshotAnswer>((resolve) => this.answers.push(resolve))
    if (this.clock.hidden()) this.take()
    else if (!this.frameAsked) {
      this.frameAsked = true
      this.clock.request(() => {
        this.frameAsked = false
        this.take()
      })
    }
    return answered
  }

  /** Whether a snapshot waits for a frame. */
  get pending(): boolean {
    return this.waiting.size > 0
  }

  /**
   * The user wants to see the run as it is now (a view came into sight): the snapshots taken are
   * answered at once, with the views due, and so are the next two.
   */
  hurry(): void {
    this.urgentTakes = URGENT_TAKES
    this.release(true)
  }

  /** Runs a command on the run (pause, step, speed …) with every snapshot answered at once, views due, until it is done and `hurry` after. */
  async urgently<T>(command: () => Promise<T>): Promise<T> {
    this.urgentCalls++
    this.release(true)
    try {
      return await command()
    } finally {
      this.urgentCalls--
      this.hurry()
    }
  }

  /** Applies the waiting snapshots (one per run) and answers them: at once, or when the budget allows. */
  private take(): void {
    const deliveries = [...this.waiting.values()]
    const answers = this.answers
    this.waiting = new Map()
    this.answers = []
    const urgent = this.urgentCalls > 0 || this.urgentTakes > 0
    if (this.urgentTakes > 0 && this.urgentCalls === 0) this.urgentTakes--
    this.held.push(...answers)
    const hidden = this.clock.hidden()
    // Answered before rendering, so the engine composes the next one while the page paints.
    if (urgent || hidden || !deliveries.every((d) => isPaced(d.snapshot))) this.release(true)
    const takenAt = this.clock.now()
    for (const delivery of deliveries) this.apply(delivery)
    if (hidden) return
    const withViews = deliveries.some((d) => Object.keys(d.snapshot.views).length > 0)
    this.clock.afterPaint(() => {
      this.budget.rendered(takenAt, this.clock.now() - takenAt, withViews)
      this.answerWhenDue()
    })
  }

  /** Gives the held answers when the budget next allows. */
  private answerWhenDue(): void {
    if (this.held.length === 0) return
    const wait = this.budget.nextAt() - this.clock.now()
    if (wait <= 0) return this.release(false)
    const release = this.releases
    this.clock.after(wait, () => {
      if (release === this.releases) this.release(false)
    })
  }

  /** Gives the held answers now: views due when `asked` for the run as it is, else as the budget says. */
  private release(asked: boolean): void {
    if (this.held.length === 0) return
    const now = this.clock.now()
    const viewsDue = asked || this.budget.viewsDue(now)
    if (asked) this.budget.viewsAsked(now)
    const held = this.held
    this.held = []
    this.releases++
    for (const answer of held) answer({ viewsDue })
  }
}
