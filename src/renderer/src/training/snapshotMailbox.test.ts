import { describe, expect, it } from 'vitest'
import type { TrainSnapshot } from '../../../engine/host/training'
import { mergeSnapshots, SnapshotMailbox, type Delivery, type FrameClock } from './snapshotMailbox'

/** A clock whose frames the test runs by hand. */
function handClock(): FrameClock & { frame: () => void; asked: number; hide: (h: boolean) => void } {
  let callbacks: Array<() => void> = []
  let hidden = false
  const clock = {
    asked: 0,
    hidden: () => hidden,
    request(callback: () => void) {
      clock.asked++
      callbacks.push(callback)
    },
    frame() {
      const due = callbacks
      callbacks = []
      for (const c of due) c()
    },
    hide(h: boolean) {
      hidden = h
    },
  }
  return clock
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
    void box.post(snap(1)).then(() => (acked = true))
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
    const acks = [box.post(snap(1)), box.post(snap(2)), box.post(snap(3))]
    expect(clock.asked).toBe(1)
    clock.frame()
    await Promise.all(acks)
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
