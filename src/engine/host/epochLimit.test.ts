/**
 * "Ten more epochs": a run that ended at its epoch limit goes on to a higher one, and is then
 * number for number the run that had the higher limit from the start (same seed): weights, epoch
 * metrics, curve points and recorded epochs. A limit the run has gone past is refused.
 */
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../train'
import type { EngineSpec } from '../spec'
import { createEngineApi } from './api'
import { fakeHost, settle } from '../../../test/fakeEngineHost'

/** XOR in shuffled mini-batches with momentum: the shuffle stream and the velocities must go on where they were. */
function xorSpec(maxEpochs: number): EngineSpec {
  return engineSpec(
    { inputSize: 2, layers: [dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')], loss: { id: 'halfSse', reduction: 'mean' } },
    { seed: 11, optimizer: { id: 'momentum', learningRate: 0.5, momentum: 0.9 }, training: { batch: { mode: 'mini', size: 2 }, maxEpochs, shuffle: true, validationFraction: 0 } },
  )
}
const xor = { kind: 'builtin' as const, id: 'xor' }

type Host = ReturnType<typeof fakeHost>
type Api = ReturnType<typeof createEngineApi>

async function untilNotRunning(host: Host): Promise<void> {
  for (let i = 0; i < 5000 && host.last().state === 'running'; i++) await settle(20)
}

/** Everything a teacher sees of a run: its weights, epochs, curve and time machine. */
async function seen(host: Host, api: Api, runId: string) {
  return {
    weights: await api.trainedValues(runId),
    epochs: host.snapshots.flatMap((s) => s.epochs),
    points: host.snapshots.flatMap((s) => s.points),
    recorded: await api.recordedEpochs(runId),
    last: { epoch: host.last().epoch, iteration: host.last().iteration, examples: host.last().examples, stopReason: host.last().stopReason },
  }
}

/** The run with `maxEpochs` from the start, trained to its end. */
async function straightRun(maxEpochs: number) {
  const host = fakeHost()
  const api = createEngineApi(host.io)
  await api.startRun('b', xorSpec(maxEpochs), xor, { speed: 0, autoStart: true })
  await untilNotRunning(host)
  return seen(host, api, 'b')
}

describe('a new epoch limit for a run under way', () => {
  it('a run ended at 30 epochs and raised to 40 goes on, and equals the 40-epoch run exactly', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('a', xorSpec(30), xor, { speed: 0, autoStart: true })
    await untilNotRunning(host)
    expect(host.last()).toMatchObject({ state: 'finished', epoch: 30, stopReason: 'maxEpochs' })

    expect(await api.setEpochLimit('a', 40)).toBe(true)
    // Paused where it ended, ready to resume: not finished, not reset.
    expect(host.last()).toMatchObject({ state: 'paused', epoch: 30, stopReason: null })
    await api.resume('a')
    await untilNotRunning(host)
    expect(host.last()).toMatchObject({ state: 'finished', epoch: 40, stopReason: 'maxEpochs' })

    const continued = await seen(host, api, 'a')
    const straight = await straightRun(40)
    expect(continued.epochs).toHaveLength(40)
    expect(continued).toEqual(straight)
    // The numbers themselves (this seed, float64): the 40th epoch's loss and the first hidden weight.
    expect(continued.epochs[39]).toMatchObject({ epoch: 40, iterations: 80, loss: 0.08772455066834006 })
    expect((continued.weights.h.weights as number[][])[0][0]).toBe(-1.2303898173014896)
  })

  it('a running run whose limit is raised runs to the new limit, as the run with that limit from the start', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('a', xorSpec(30), xor, { speed: 1, autoStart: true })
    while (host.last().epoch < 5) await settle(20)
    expect(host.last().state).toBe('running')
    expect(await api.setEpochLimit('a', 40)).toBe(true)
    await untilNotRunning(host)
    const continued = await seen(host, api, 'a')
    expect(continued.last).toMatchObject({ epoch: 40, stopReason: 'maxEpochs' })
    const straight = await straightRun(40)
    expect(continued.weights).toEqual(straight.weights)
    expect(continued.epochs).toEqual(straight.epochs)
  })

  it('a limit below the epochs done is refused and the run is left as it was; the limit it ended at ends it again', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('a', xorSpec(30), xor, { speed: 0, autoStart: true })
    await untilNotRunning(host)
    const snapshots = host.snapshots.length
    expect(await api.setEpochLimit('a', 20)).toBe(false)
    expect(host.snapshots).toHaveLength(snapshots)
    expect((await api.pause('a')).state).toBe('finished')

    // Raised, then put back before training on (an undo): finished again at its limit.
    expect(await api.setEpochLimit('a', 40)).toBe(true)
    expect(host.last().state).toBe('paused')
    expect(await api.setEpochLimit('a', 30)).toBe(true)
    expect(host.last()).toMatchObject({ state: 'finished', epoch: 30, stopReason: 'maxEpochs' })
    await expect(api.setEpochLimit('a', 0)).rejects.toThrow(RangeError)
  })

  it('a failed run takes no new limit (it goes no further: Train starts again)', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    // A linear output is unbounded: η = 10⁶ blows it up within the 30 epochs.
    const spec = xorSpec(30)
    const diverging: EngineSpec = { ...spec, optimizer: { id: 'sgd', learningRate: 1e6 }, model: { ...spec.model, layers: [spec.model.layers[0], dense('o', 1, 'linear')] } }
    await api.startRun('a', diverging, xor, { speed: 0, autoStart: true })
    await untilNotRunning(host)
    expect(host.last()).toMatchObject({ state: 'failed', stopReason: 'diverged' })
    expect(await api.setEpochLimit('a', 40)).toBe(false)
    expect((await api.pause('a')).state).toBe('failed')
  })

  it('a reset after a raised limit trains to the new limit', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('a', xorSpec(30), xor, { speed: 0, autoStart: true })
    await untilNotRunning(host)
    await api.setEpochLimit('a', 40)
    await api.reset('a')
    await api.resume('a')
    await untilNotRunning(host)
    expect(host.last()).toMatchObject({ state: 'finished', epoch: 40 })
  })
})
