/**
 * The held-out test set of a run: evaluated at the end and on demand, apart from validation,
 * and recorded in the model file. Numbers are checked against a session trained alone.
 */
import { describe, expect, it } from 'vitest'
import { createSession, dense, engineSpec } from '../train'
import { builtinDataset, splitDataset } from '../data'
import type { EngineHostIo } from './io'
import { createEngineApi } from './api'
import type { TrainSnapshot } from './trainingTypes'
import { parseModel } from '../model'

function recordingHost() {
  const snapshots: TrainSnapshot[] = []
  const io: EngineHostIo = {
    emit: async (event) => void (event.kind === 'trainSnapshot' && snapshots.push(event.snapshot)),
    yieldToHost: () => Promise.resolve(),
  }
  return { io, snapshots, last: () => snapshots[snapshots.length - 1] }
}

const spec = engineSpec(
  { inputSize: 2, layers: [dense('h', 6, 'tanh'), dense('o', 2, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' } },
  { seed: 7, optimizer: { id: 'adam', learningRate: 0.05 }, training: { batch: { mode: 'mini', size: 16 }, maxEpochs: 15, shuffle: true, validationFraction: 0 } },
)
const parts = splitDataset(builtinDataset('circles', { count: 200 }), { validation: 0.2, test: 0.25, seed: 3 })

async function finishedRun() {
  const host = recordingHost()
  const api = createEngineApi(host.io)
  const info = await api.startRun('t', spec, { kind: 'dataset', train: parts.train, validation: parts.validation, test: parts.test }, { autoStart: true })
  while (host.last().state === 'running' || host.last().state === 'paused') {
    await api.pause('t')
    if (host.last().state !== 'paused') break
    await api.step('t', 'epoch')
  }
  return { host, api, info }
}

describe('the test set of a run', () => {
  it('is held out apart from validation and evaluated when training ends, with the numbers of the final weights', async () => {
    const { host, info } = await finishedRun()
    expect(info).toMatchObject({ testCount: 50, validationCount: 40, trainCount: 110 })
    expect(host.last().state).toBe('finished')
    // The same spec trained alone, then evaluated on the test part: bit for bit the same.
    const alone = createSession(JSON.parse(JSON.stringify(spec)), parts.train, { validation: parts.validation })
    alone.trainToEnd()
    const expected = alone.evaluate(parts.test)
    expect(host.last().test).toEqual({ count: 50, loss: expected.loss, accuracy: expected.accuracy, epoch: 15, iteration: alone.iteration, restoredEpoch: null })
    // Validation is still the validation part (its last epoch's loss differs from the test's).
    expect(alone.history.at(-1)!.valLoss).not.toBe(expected.loss)
    // No snapshot before the end carried a test result: it is not looked at during training.
    expect(host.snapshots.filter((s) => s.state !== 'finished').every((s) => s.test === null)).toBe(true)
  })

  it('is taken again after a step-through update of the finished run (it showed the weights before the update)', async () => {
    const { host, api } = await finishedRun()
    const before = host.last().test!
    await api.trace('t', 0, { apply: true })
    const last = host.last()
    expect(last.iteration).toBe(before.iteration + 1)
    expect(last.test).toMatchObject({ count: 50, iteration: last.iteration })
    expect(last.test!.loss).not.toBe(before.loss)
  })

  it('is evaluated on demand with the weights as they are, cleared by reset, and null without a test set', async () => {
    const host = recordingHost()
    const api = createEngineApi(host.io)
    await api.startRun('t', spec, { kind: 'dataset', train: parts.train, test: parts.test })
    await api.step('t', 'epoch')
    const now = await api.evaluateTest('t')
    expect(now).toMatchObject({ count: 50, epoch: 1 })
    expect(host.last().test).toEqual(now)
    await api.step('t', 'epoch')
    const later = await api.evaluateTest('t')
    expect(later!.epoch).toBe(2)
    expect(later!.loss).not.toBe(now!.loss)
    await api.reset('t')
    expect(host.last().test).toBeNull()
    await api.startRun('u', spec, { kind: 'dataset', train: parts.train })
    expect(await api.evaluateTest('u')).toBeNull()
  })

  it('goes into the model file, evaluated with the exported weights, and reads back', async () => {
    const { api, host } = await finishedRun()
    const parsed = parseModel(await api.exportModel('t', { title: 'circles' }))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const t = host.last().test!
    expect(parsed.model.history.test).toEqual({ count: 50, loss: t.loss, accuracy: t.accuracy, epoch: 15 })
    const broken = parseModel(JSON.stringify({ ...parsed.model, history: { ...parsed.model.history, test: { loss: 'low' } } }))
    expect(broken.ok === false && broken.errors).toContainEqual({ path: '$.history.test.loss', message: 'must be a number' })
  })
})
