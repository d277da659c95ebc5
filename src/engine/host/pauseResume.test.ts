/**
 * Pause and, before the pause has settled, resume (a double click on ❚❚ / ▶, or a run paused and
 * brought back by the page at once): the paused loop was still waiting for its snapshot to be
 * taken when resume started a second one, and the first, finding the run running again, trained
 * on beside it: two updates per frame at speed 1.
 */
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../train'
import { createEngineApi } from './api'
import { fakeHost, settle } from '../../../test/fakeEngineHost'

const spec = engineSpec(
  { inputSize: 2, layers: [dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')], loss: { id: 'halfSse', reduction: 'mean' } },
  { seed: 3, optimizer: { id: 'sgd', learningRate: 0.5 }, training: { batch: { mode: 'mini', size: 2 }, maxEpochs: 200, shuffle: true, validationFraction: 0 } },
)
const xor = { kind: 'builtin' as const, id: 'xor' }

describe('pause, then resume before the pause settles', () => {
  it('leaves one loop training: at speed 1, one update per snapshot the page takes', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('a', spec, xor, { speed: 1, autoStart: true })
    while (host.last().epoch < 2) await settle(5)
    // The page holds each snapshot (a frame) until it is drawn: the loop waits for it.
    host.setHold(true)
    await settle(20)
    const paused = api.pause('a')
    await api.resume('a')
    const steps: number[] = []
    for (let frame = 0; frame < 12; frame++) {
      const before = host.last().iteration
      host.release()
      await settle(40)
      steps.push(host.last().iteration - before)
    }
    expect(host.last().state).toBe('running')
    // The first frames may close the pause's own snapshot; after that, one update a frame.
    expect(steps.slice(4)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
    host.setHold(false)
    host.release()
    await paused
    for (let i = 0; i < 5000 && host.last().state !== 'finished'; i++) await settle(20)
    expect(host.last()).toMatchObject({ state: 'finished', epoch: 200 })
  })
})
