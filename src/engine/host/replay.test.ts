/**
 * The time machine through the engine API: a run replays the shown views at any recorded epoch,
 * exactly as a run of the same seed stopped at that epoch shows them, and training goes on from
 * the present as if nothing had been replayed.
 */
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../train'
import type { EngineSpec } from '../spec'
import { createEngineApi } from './api'
import type { TrainingData } from './trainingTypes'
import { fakeHost } from '../../../test/fakeEngineHost'

const spec = (maxEpochs: number): EngineSpec =>
  engineSpec(
    { inputSize: 2, layers: [dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')], loss: { id: 'halfSse', reduction: 'mean' } },
    { seed: 9, optimizer: { id: 'momentum', learningRate: 0.5, momentum: 0.9 }, training: { batch: { mode: 'mini', size: 2 }, maxEpochs, shuffle: true, validationFraction: 0 } },
  )
const xor: TrainingData = { kind: 'builtin', id: 'xor' }

async function epochs(api: ReturnType<typeof createEngineApi>, runId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await api.step(runId, 'epoch')
}

describe('training API: the time machine', () => {
  it('replays the views of epoch k as a rerun with the same seed stopped at epoch k shows them', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('long', spec(40), xor)
    await epochs(api, 'long', 25)
    expect(await api.recordedEpochs('long')).toEqual(Array.from({ length: 26 }, (_, i) => i))
    const replayed = await api.replay('long', 10)
    expect(replayed.epoch).toBe(10)
    expect(Object.keys(replayed.views).sort()).toEqual(['boundary', 'codes', 'weights'])

    const rerun = fakeHost()
    const other = createEngineApi(rerun.io)
    await other.startRun('short', spec(10), xor)
    await epochs(other, 'short', 10)
    expect(rerun.last().state).toBe('finished')
    expect(rerun.last().epoch).toBe(10)
    expect(replayed.iteration).toBe(rerun.last().iteration)
    expect(replayed.views).toEqual(rerun.last().views)
  })

  it('training goes on from the present after a replay', async () => {
    const a = fakeHost()
    const api = createEngineApi(a.io)
    await api.startRun('x', spec(40), xor)
    await epochs(api, 'x', 8)
    await api.replay('x', 3)
    await api.replay('x', 0)
    await epochs(api, 'x', 4)
    const b = fakeHost()
    const plain = createEngineApi(b.io)
    await plain.startRun('y', spec(40), xor)
    await epochs(plain, 'y', 12)
    expect(a.last().views.weights).toEqual(b.last().views.weights)
  })

  it('says which epochs it has when asked for another, and starts again on reset', async () => {
    const api = createEngineApi(fakeHost().io)
    await api.startRun('x', spec(40), xor)
    await epochs(api, 'x', 2)
    await expect(api.replay('x', 7)).rejects.toThrow('Epoch 7 was not recorded (recorded: 0, 1, 2).')
    await api.reset('x')
    expect(await api.recordedEpochs('x')).toEqual([0])
  })
})
