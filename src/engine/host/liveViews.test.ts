/**
 * Live views are computed only while shown: a snapshot carries the payloads of the views the UI
 * says are on screen, each computed once per snapshot sent, never a hidden one; a view shown
 * while paused comes at once, one shown mid-run with the next snapshot.
 */
import { describe, expect, it } from 'vitest'
import { createSession, dense, engineSpec } from '../train'
import type { EngineSpec } from '../spec'
import type { LiveView } from '../views/liveView'
import { LIVE_VIEWS, VIEW_IDS } from '../views/registry'
import { createEngineApi } from './api'
import { SnapshotComposer } from './snapshotComposer'
import { resolveTrainingData } from './trainingData'
import type { TrainingData } from './trainingTypes'
import { fakeHost, settle } from '../../../test/fakeEngineHost'

const xorSpec: EngineSpec = engineSpec(
  {
    inputSize: 2,
    layers: [dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')],
    loss: { id: 'halfSse', reduction: 'mean' },
  },
  { seed: 5, optimizer: { id: 'sgd', learningRate: 1 }, training: { batch: { mode: 'full' }, maxEpochs: 1e6, shuffle: false, validationFraction: 0 } },
)
const xor: TrainingData = { kind: 'builtin', id: 'xor' }

/** A registry of two counting views (one payload each: the iteration) and one drawn from the histories. */
function countingViews() {
  const calls = { a: 0, b: 0 }
  const counting = (key: 'a' | 'b'): LiveView<Float32Array> => ({
    label: key,
    description: 'counts its computes',
    computeFor: () => (session) => {
      calls[key]++
      return Float32Array.of(session.iteration)
    },
  })
  const registry: Record<string, LiveView> = { a: counting('a'), b: counting('b'), c: { label: 'c', description: 'no payload' } }
  return { calls, registry }
}

describe('snapshot composer: only the shown views', () => {
  it('computes a shown view once per snapshot and a hidden one never', async () => {
    const info = await createEngineApi(fakeHost().io).startRun('i', xorSpec, xor)
    const data = resolveTrainingData(xor)
    const session = createSession(xorSpec, data.train)
    const { calls, registry } = countingViews()
    const composer = new SnapshotComposer(info, data, false, ['a'], registry)
    for (let i = 0; i < 3; i++) {
      session.step('batch')
      const { views, transfer } = composer.compose(session, [])
      expect(Object.keys(views.views)).toEqual(['a'])
      expect(transfer).toEqual([(views.views as Record<string, Float32Array>).a.buffer])
    }
    expect(calls).toEqual({ a: 3, b: 0 })
    // Showing b: reported as new, and a snapshot of only the new views computes only b.
    expect(composer.show(['a', 'b'])).toEqual(['b'])
    expect(Object.keys(composer.compose(session, [], ['b']).views.views)).toEqual(['b'])
    expect(calls).toEqual({ a: 3, b: 1 })
    // A view without a payload is never new; hiding everything computes nothing.
    expect(composer.show(['c'])).toEqual([])
    expect(composer.compose(session, []).views.views).toEqual({})
    expect(calls).toEqual({ a: 3, b: 1 })
    expect(() => composer.show(['a', 'nope'])).toThrow(/no live view "nope".*a, b, c/)
  })

  it('every registered view has a label and description; the views with payloads say when a run has nothing for them', () => {
    for (const id of VIEW_IDS) expect(LIVE_VIEWS[id].label.length * LIVE_VIEWS[id].description.length).toBeGreaterThan(0)
    expect(VIEW_IDS).toEqual(['curves', 'boundary', 'codes', 'weights', 'gradients', 'confusion'])
  })
})

describe('training API: showViews', () => {
  it('sends no payload of a hidden view; a view shown while paused comes at once, alone', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, xor, { views: ['curves', 'gradients'] })
    expect(host.last().views).toEqual({})
    expect(host.last().gradNorms).toHaveLength(2)
    await api.step('x', 'batch')
    expect(host.last().views).toEqual({})
    const sent = host.snapshots.length
    await api.showViews('x', ['curves', 'boundary'])
    expect(host.snapshots.length).toBe(sent + 1)
    expect(Object.keys(host.last().views)).toEqual(['boundary'])
    expect(host.last().views.boundary!.score).toHaveLength(48 * 48)
    // Nothing new shown: no snapshot.
    await api.showViews('x', ['boundary'])
    expect(host.snapshots.length).toBe(sent + 1)
    // From now on every snapshot carries the shown views.
    await api.step('x', 'batch')
    expect(Object.keys(host.last().views)).toEqual(['boundary'])
    await expect(api.showViews('x', ['weights', 'sideways'])).rejects.toThrow(RangeError)
  })

  it('a view shown mid-run comes with the next snapshot', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, xor, { speed: 3, views: [] })
    await api.resume('x')
    await settle()
    const before = host.snapshots.length
    expect(before).toBeGreaterThan(2)
    expect(host.snapshots.every((s) => Object.keys(s.views).length === 0)).toBe(true)
    await api.showViews('x', ['weights', 'codes'])
    await settle()
    await api.pause('x')
    const after = host.snapshots.slice(before)
    expect(after.length).toBeGreaterThan(1)
    for (const s of after) expect(Object.keys(s.views).sort()).toEqual(['codes', 'weights'])
    expect(host.last().views.weights!.map((l) => l.nodeId)).toEqual(['h', 'o'])
    expect(host.last().views.codes![0].units).toBe(3)
  })

  it('at full speed the views come only in the snapshots the page asks them for; newly shown ones and a pause bring them at once', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    const endless = { ...xorSpec, training: { ...xorSpec.training, maxEpochs: 1e9 } }
    await api.startRun('x', endless, xor, { speed: 0, views: ['weights'] })
    host.setAnswer({ viewsDue: false })
    await api.resume('x')
    await settle(60)
    const carrying = (from: number) => host.snapshots.slice(from).map((s) => Object.keys(s.views).join(','))
    // The first snapshot at full speed carries them (nothing was answered yet), then none.
    const first = carrying(1)
    expect(first.length).toBeGreaterThan(3)
    expect(first.slice(0, 2)).toEqual(['weights', ''])
    expect(new Set(first.slice(1))).toEqual(new Set(['']))
    // Asked for again: the snapshot after the answer carries them.
    host.setAnswer({ viewsDue: true })
    let from = host.snapshots.length
    await settle(20)
    expect(carrying(from + 1).every((ids) => ids === 'weights')).toBe(true)
    // A view shown mid-run comes with the next snapshot even when the views are not due.
    host.setAnswer({ viewsDue: false })
    await settle(20)
    from = host.snapshots.length
    await api.showViews('x', ['weights', 'codes'])
    await settle(20)
    const after = carrying(from)
    expect(after.slice(0, 2)).toContain('codes')
    expect(after.filter((ids) => ids !== '')).toHaveLength(1)
    // A pause shows the run as it is: every shown view, whatever the page answered.
    await api.pause('x')
    expect(host.last().state).toBe('paused')
    expect(Object.keys(host.last().views).sort()).toEqual(['codes', 'weights'])
    // Curve points were never dropped on the way.
    const iterations = host.snapshots.flatMap((s) => s.points).map((p) => p.iteration)
    expect(iterations).toEqual(Array.from({ length: iterations.length }, (_, i) => i + 1))
  })

  it('a pause or the end goes out at once, not after the snapshot the page has not answered yet', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    const endless = { ...xorSpec, training: { ...xorSpec.training, maxEpochs: 1e9 } }
    await api.startRun('x', endless, xor, { speed: 0, views: ['weights'] })
    host.setHold(true)
    await api.resume('x')
    await settle(60)
    expect(host.inFlight()).toBe(1)
    // The page holds that one (its budget is spent) but takes the next at once.
    host.setHold(false)
    const paused = await api.pause('x')
    expect(host.inFlight()).toBe(1)
    expect(host.last().state).toBe('paused')
    expect(host.last().iteration).toBe(paused.iteration)
    expect(Object.keys(host.last().views)).toEqual(['weights'])
    host.release()
  })

  it('by default every view with something to show is computed', async () => {
    const host = fakeHost()
    await createEngineApi(host.io).startRun('x', xorSpec, xor)
    expect(Object.keys(host.last().views).sort()).toEqual(['boundary', 'codes', 'weights'])
  })
})
