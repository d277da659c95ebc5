import { describe, expect, it } from 'vitest'
import type { TrainSnapshot } from '../../../engine/host/training'
import type { SnapshotAnswer } from '../../../engine/host/events'
import { mergeSnapshots, SnapshotMailbox, type Delivery, type FrameClock } from './snapshotMailbox'

/** Lets the answers' promise continuations run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

/** A clock whose frames, paints and time the test runs by hand. */
function handClock() {
  let frames: Array<() => void> = []
  let paints: Array<() => void> = []
  let timers: Array<{ at: number; callback: () => void }> = []
  let hidden = false
  const clock = {
    asked: 0,
    time: 0,
    /** Main-thread time each frame takes to draw (ms). */
    drawMs: 4,
    hidden: () => hidden,
    now: () => clock.time,
    request(callback: () => void) {
      clock.asked++
      frames.push(callback)
    },
    afterPaint(callback: () => void) {
      paints.push(callback)
    },
    after(ms: number, callback: () => void) {
      timers.push({ at: clock.time + ms, callback })
    },
    /** A displayed frame: its callbacks, then `drawMs` of drawing, then what waits for the paint. */
    frame() {
      const due = frames
      frames = []
      for (const c of due) c()
      clock.time += clock.drawMs
      const painted = paints
      paints = []
      for (const c of painted) c()
    },
    /** Time passes: the timers due meanwhile fire. */
    advance(ms: number) {
      const until = clock.time + ms
      for (let t = timers.find((x) => x.at <= until); t; t = timers.find((x) => x.at <= until)) {
        timers = timers.filter((x) => x !== t)
        clock.time = Math.max(clock.time, t.at)
        t.callback()
      }
      clock.time = until
    },
    hide(h: boolean) {
      hidden = h
    },
  }
  return clock satisfies FrameClock
}

function snap(seq: number, extra: Partial<TrainSnapshot> = {}): TrainSnapshot {
  return {
    runId: 'run-1',
    generation: 0,
    seq,
    state: 'running',
    stopReason: null,
    error: null,
    epoch: seq,
    iteration: 10 * seq,
    examples: 100 * seq,
    position: 0,
    learningRate: 0.1,
    speed: 0,
    points: [{ iteration: 10 * seq, examples: 100 * seq, loss: 1 / (seq + 1) }],
    epochs: [],
    gradNorms: [seq],
    views: {},
    test: null,
    diagnostics: [],
    ...extra,
  } as TrainSnapshot
}

function mailbox() {
  const clock = handClock()
  const applied: Delivery[] = []
  const box = new SnapshotMailbox((d) => applied.push(d), clock)
  return { clock, applied, box }
}

describe('SnapshotMailbox', () => {
  it('applies a snapshot at the next frame, not when it arrives, and acknowledges it then', async () => {
    const { clock, applied, box } = mailbox()
    let acked = false
    void box.post(snap(1, { state: 'paused' })).then(() => (acked = true))
    await Promise.resolve()
    expect(applied).toHaveLength(0)
    expect(acked).toBe(false)
    expect(box.pending).toBe(true)
    clock.frame()
    await Promise.resolve()
    expect(applied.map((d) => d.snapshot.seq)).toEqual([1])
    expect(acked).toBe(true)
    expect(box.pending).toBe(false)
  })

  it('renders at most one snapshot per frame: later arrivals merge into the waiting one, latest wins', async () => {
    const { clock, applied, box } = mailbox()
    for (const seq of [1, 2, 3]) void box.post(snap(seq))
    expect(clock.asked).toBe(1)
    clock.frame()
    expect(applied).toHaveLength(1)
    const s = applied[0].snapshot
    expect(s.seq).toBe(3)
    expect(s.iteration).toBe(30)
    // No curve point is lost on the way.
    expect(s.points.map((p) => p.iteration)).toEqual([10, 20, 30])
    clock.frame()
    expect(applied).toHaveLength(1)
  })

  it('keeps each view payload with the iteration it was computed at', () => {
    const { clock, applied, box } = mailbox()
    const weights = [] as never
    const boundary = {} as never
    void box.post(snap(1, { views: { weights, boundary } }))
    void box.post(snap(2, { views: { weights } }))
    clock.frame()
    expect(applied[0].snapshot.views.boundary).toBe(boundary)
    expect(applied[0].viewsAt).toEqual({ weights: 20, boundary: 10 })
  })

  it('starts over with a snapshot of another reset generation', () => {
    const { clock, applied, box } = mailbox()
    void box.post(snap(1, { epochs: [{ epoch: 1 } as never] }))
    void box.post(snap(2, { generation: 1 }))
    clock.frame()
    expect(applied).toHaveLength(1)
    expect(applied[0].snapshot.generation).toBe(1)
    expect(applied[0].snapshot.points.map((p) => p.iteration)).toEqual([20])
    expect(applied[0].snapshot.epochs).toEqual([])
  })

  it('keeps one waiting snapshot per run: a sweep point training beside the run takes nothing from it', () => {
    const { clock, applied, box } = mailbox()
    void box.post(snap(1))
    void box.post(snap(1, { runId: 'sweep-run-1' }))
    void box.post(snap(2))
    clock.frame()
    expect(applied.map((d) => [d.snapshot.runId, d.snapshot.points.length])).toEqual([
      ['run-1', 2],
      ['sweep-run-1', 1],
    ])
  })

  it('applies at once while the page is hidden (no frames come)', async () => {
    const { clock, applied, box } = mailbox()
    clock.hide(true)
    await box.post(snap(1))
    await box.post(snap(2))
    expect(applied.map((d) => d.snapshot.seq)).toEqual([1, 2])
    expect(clock.asked).toBe(0)
  })

  it('asks for one frame per waiting snapshot, and again after a frame took it', () => {
    const { clock, box } = mailbox()
    void box.post(snap(1))
    void box.post(snap(2))
    clock.frame()
    void box.post(snap(3))
    expect(clock.asked).toBe(2)
  })
})

/** Posts `s` and returns a probe of its answer (undefined until given). */
function answerOf(box: SnapshotMailbox, s: TrainSnapshot): { answer?: SnapshotAnswer } {
  const probe: { answer?: SnapshotAnswer } = {}
  void box.post(s).then((a) => (probe.answer = a))
  return probe
}

describe('SnapshotMailbox at full speed: the drawing budget', () => {
  it('answers a snapshot once its drawing is paid back at 10 % of wall time, with the views due', async () => {
    const { clock, box } = mailbox()
    const first = answerOf(box, snap(1))
    clock.frame()
    await settle()
    // 4 ms on the main thread, 10 ms in all: paid back after 100 ms.
    expect(first.answer).toBeUndefined()
    clock.advance(95)
    await settle()
    expect(first.answer).toBeUndefined()
    clock.advance(5)
    await settle()
    expect(first.answer).toEqual({ viewsDue: true })
  })

  it('a costly snapshot: state and curves still 4 times a second, the views once its cost is paid back', async () => {
    const { clock, box } = mailbox()
    // A snapshot with the views costs 40 ms of the main thread (100 ms in all: paid back after 1 s).
    clock.drawMs = 40
    let sent = answerOf(box, snap(1, { views: { weights: [] } }))
    clock.frame()
    clock.drawMs = 2
    // As the engine does: the next snapshot is sent once the last one is answered.
    const answers: Array<[number, boolean]> = []
    for (let seq = 2; clock.time < 1500; seq++) {
      for (let i = 0; i < 100 && !sent.answer; i++) {
        clock.advance(10)
        await settle()
      }
      answers.push([clock.time, sent.answer!.viewsDue])
      sent = answerOf(box, snap(seq))
      clock.frame()
    }
    expect(answers[0]).toEqual([250, false])
    // Never more than 250 ms apart; the views again only once the debt is paid (after ~1.1 s).
    const times = answers.map(([t]) => t)
    expect(Math.max(...times.slice(1).map((t, i) => t - times[i]))).toBeLessThanOrEqual(260)
    const firstViews = answers.find(([, due]) => due)!
    expect(firstViews[0]).toBeGreaterThan(1000)
    expect(firstViews[0]).toBeLessThan(1300)
  })

  it('answers at once, before rendering, what the budget does not pace: paused, finished, watchable speed', async () => {
    for (const extra of [{ state: 'paused' }, { state: 'finished' }, { speed: 5 }] as const) {
      const { clock, box } = mailbox()
      const probe = answerOf(box, snap(1, extra))
      clock.frame()
      await settle()
      expect(probe.answer).toEqual({ viewsDue: true })
    }
  })

  it('a pause taken while a snapshot is held answers both at once', async () => {
    const { clock, box } = mailbox()
    clock.drawMs = 40
    const held = answerOf(box, snap(1))
    clock.frame()
    const paused = answerOf(box, snap(2, { state: 'paused' }))
    clock.frame()
    await settle()
    expect([held.answer, paused.answer]).toEqual([{ viewsDue: true }, { viewsDue: true }])
  })

  it('hurry (a view came into sight) answers the held snapshot at once with the views, and the next two', async () => {
    const { clock, box } = mailbox()
    clock.drawMs = 40
    const held = answerOf(box, snap(1))
    clock.frame()
    await settle()
    expect(held.answer).toBeUndefined()
    box.hurry()
    await settle()
    expect(held.answer).toEqual({ viewsDue: true })
    const next = [answerOf(box, snap(2))]
    clock.frame()
    next.push(answerOf(box, snap(3)))
    clock.frame()
    next.push(answerOf(box, snap(4)))
    clock.frame()
    await settle()
    expect(next.map((p) => p.answer)).toEqual([{ viewsDue: true }, { viewsDue: true }, undefined])
  })

  it('urgently: while a command runs (pause, step …) every snapshot is answered at once', async () => {
    const { clock, box } = mailbox()
    clock.drawMs = 40
    const held = answerOf(box, snap(1))
    clock.frame()
    let finish: () => void = () => undefined
    const command = box.urgently(() => new Promise<void>((resolve) => (finish = resolve)))
    await settle()
    expect(held.answer).toEqual({ viewsDue: true })
    const during = [1, 2, 3].map((i) => {
      const p = answerOf(box, snap(1 + i))
      clock.frame()
      return p
    })
    await settle()
    expect(during.every((p) => p.answer?.viewsDue)).toBe(true)
    finish()
    await command
  })
})

describe('mergeSnapshots', () => {
  it('concatenates finished epochs in order and takes the newer counters', () => {
    const a = snap(1, { epochs: [{ epoch: 1 } as never] })
    const b = snap(2, { epochs: [{ epoch: 2 } as never], state: 'finished' })
    const merged = mergeSnapshots({ snapshot: a, viewsAt: {} }, b).snapshot
    expect(merged.epochs.map((e) => e.epoch)).toEqual([1, 2])
    expect(merged.state).toBe('finished')
    expect(merged.gradNorms).toEqual([2])
  })
})
