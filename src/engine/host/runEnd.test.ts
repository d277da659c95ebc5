/**
 * A run always ends where the page and a sweep see it: when its last snapshot cannot be built
 * (a view's compute throws at the end), the run fails with why in a snapshot of its counters and
 * epochs, and a sweep point waiting on it resolves rather than waiting for ever.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dense, engineSpec } from '../train'
import type { Session } from '../train'
import { createEngineApi } from './api'
import { SnapshotComposer } from './snapshotComposer'
import { trainSweepPointHere } from './sweepPoints'
import { fakeHost, settle } from '../../../test/fakeEngineHost'

const xorSpec = engineSpec(
  {
    inputSize: 2,
    layers: [dense('h', 2, 'sigmoid'), dense('o', 1, 'sigmoid')],
    loss: { id: 'halfSse', reduction: 'mean' },
  },
  { seed: 3, optimizer: { id: 'sgd', learningRate: 2 }, training: { batch: { mode: 'full' }, maxEpochs: 40, shuffle: false, validationFraction: 0 } },
)
const xor = { kind: 'builtin' as const, id: 'xor' }

/** Every snapshot built once training has stopped throws, as a view's compute might on the final network. */
function failTheLastSnapshot(): void {
  const compose = SnapshotComposer.prototype.compose
  vi.spyOn(SnapshotComposer.prototype, 'compose').mockImplementation(function (this: SnapshotComposer, s: Session, ...rest) {
    if (s.stopped) throw new TypeError('a view broke')
    return compose.call(this, s, ...rest)
  })
}

const noCancel = { isCancelled: () => false, clear: () => false }

/** An XOR run started at full speed, once it has stopped running. */
async function runToItsEnd() {
  const host = fakeHost()
  const api = createEngineApi(host.io)
  await api.startRun('x', xorSpec, xor, { speed: 0, autoStart: true })
  for (let i = 0; i < 2000 && host.last().state === 'running'; i++) await settle(20)
  return { host, api }
}

describe('the end of a run whose last snapshot cannot be built', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('fails with why, and its last snapshot still carries every epoch', async () => {
    failTheLastSnapshot()
    const { host, api } = await runToItsEnd()
    const last = host.last()
    expect(last).toMatchObject({ state: 'failed', errorName: 'SnapshotError', epoch: 40, stopReason: 'maxEpochs' })
    expect(last.error).toContain('a view broke')
    expect(host.snapshots.flatMap((s) => s.epochs)).toHaveLength(40)
    // It stays a run the page can drive: paused, stopped, exported.
    expect((await api.pause('x')).state).toBe('failed')
    expect(JSON.parse(await api.exportModel('x')).format).toBeDefined()
    expect((await api.stop('x')).state).toBe('failed')
  })

  it('a sweep point resolves failed with its epochs (a sweep waiting on it goes on)', async () => {
    failTheLastSnapshot()
    const host = fakeHost()
    let ended = false
    const point = trainSweepPointHere('p', xorSpec, xor, host.io, noCancel).finally(() => (ended = true))
    for (let i = 0; i < 2000 && !ended; i++) await settle(20)
    expect(ended).toBe(true)
    const result = await point
    expect(result).toMatchObject({ state: 'failed', stopReason: 'maxEpochs', iterations: 40 })
    expect(result.error).toContain('a view broke')
    expect(result.epochs).toHaveLength(40)
  })

  it('a reset after the failure trains again with no error', async () => {
    failTheLastSnapshot()
    const { host, api } = await runToItsEnd()
    vi.restoreAllMocks()
    await api.reset('x')
    expect(host.last()).toMatchObject({ state: 'paused', epoch: 0, error: null, errorName: null })
    await api.step('x', 'epoch')
    expect(host.last()).toMatchObject({ state: 'paused', epoch: 1, error: null })
  })
})
