/** A built-in 2-D set's train/test ratio: the held-out points, their evaluation and their place on the plane. */
import { describe, expect, it } from 'vitest'
import { builtinDataset, holdOutTest, datasetClassOf } from '../data'
import { dense, engineSpec } from '../train'
import { createEngineApi } from './api'
import type { EngineHostIo } from './io'
import { fakeHost, settle } from '../../../test/fakeEngineHost'

const quietHost: EngineHostIo = { emit: () => Promise.resolve(), yieldToHost: () => Promise.resolve() }

/** Points as "x,y" strings, to compare sets of rows. */
const rows = (inputs: ArrayLike<number>) => Array.from({ length: inputs.length / 2 }, (_, i) => `${inputs[2 * i]},${inputs[2 * i + 1]}`)

describe('a built-in set with test data held out', () => {
  const clouds = builtinDataset('xorClouds', { count: 200 })

  it('holds out the share asked for, class by class, the same points for the same seed', () => {
    const { train, test } = holdOutTest(clouds, 0.3, 7)
    expect(train.count).toBe(140)
    expect(test!.count).toBe(60)
    const perClass = (ds: typeof clouds) => [0, 1].map((k) => Array.from({ length: ds.count }, (_, i) => datasetClassOf(ds, i)).filter((c) => c === k).length)
    expect(perClass(test!)).toEqual([30, 30])
    expect(new Set([...rows(train.inputs), ...rows(test!.inputs)]).size).toBe(200)
    expect(rows(holdOutTest(clouds, 0.3, 7).test!.inputs)).toEqual(rows(test!.inputs))
    expect(rows(holdOutTest(clouds, 0.3, 8).test!.inputs)).not.toEqual(rows(test!.inputs))
    expect(holdOutTest(clouds, 0, 7)).toEqual({ train: clouds })
  })

  it('is never trained on: the run counts it apart, evaluates it at the end and puts its points on the plane', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    const spec = engineSpec({ inputSize: 2, layers: [dense('h', 4, 'tanh'), dense('o', 2, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' } }, { seed: 7, optimizer: { id: 'adam', learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, training: { batch: { mode: 'full' }, maxEpochs: 100, shuffle: false, validationFraction: 0 } })
    const info = await api.startRun('t', spec, { kind: 'builtin', id: 'xorClouds', options: { count: 200 }, testFraction: 0.3, seed: 7 }, { gridSize: 8 })
    expect(info.trainCount).toBe(140)
    expect(info.testCount).toBe(60)
    const { train, test } = holdOutTest(clouds, 0.3, 7)
    const plane = info.plane!
    expect(rows(plane.points)).toEqual(rows(Float32Array.from(train.inputs)))
    expect(rows(plane.test!.points)).toEqual(rows(Float32Array.from(test!.inputs)))
    expect(Array.from(plane.test!.classes!)).toEqual(Array.from({ length: 60 }, (_, i) => datasetClassOf(test!, i)))
    // The extent covers the test points too.
    for (let i = 0; i < 60; i++) {
      expect(plane.test!.points[2 * i]).toBeGreaterThan(plane.xMin)
      expect(plane.test!.points[2 * i]).toBeLessThan(plane.xMax)
    }
    await api.resume('t')
    // At the end: the run has trained (a resumed loop starts after the previous one has ended).
    for (let i = 0; i < 1000 && host.last().state !== 'finished'; i++) await settle(20)
    expect(await api.evaluateTest('t')).toMatchObject({ count: 60, epoch: 100, accuracy: expect.any(Number) })
  })

  it('without a fraction the plane has no test points', async () => {
    const api = createEngineApi(quietHost)
    const spec = engineSpec({ inputSize: 2, layers: [dense('o', 2, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' } })
    const info = await api.startRun('t', spec, { kind: 'builtin', id: 'xorClouds', options: { count: 20 } }, { gridSize: 8 })
    expect(info.testCount).toBe(0)
    expect(info.plane!.test).toBeNull()
  })
})
