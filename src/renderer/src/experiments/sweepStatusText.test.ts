import { describe, expect, it } from 'vitest'
import { sweepRunningText } from './sweepStatusText'

describe('the sweep status’s runs in flight', () => {
  it('says a run the engine has not started (waiting for a runner) is queued, not training at epoch 0', () => {
    expect(sweepRunningText({ 0: { epoch: 2, maxEpochs: 5, started: true }, 2: { epoch: 0, maxEpochs: 5, started: false } })).toBe('training run 1 (epoch 2 / 5) · queued: run 3')
    expect(sweepRunningText({ 1: { epoch: 0, maxEpochs: 5, started: false } })).toBe('queued: run 2')
    expect(sweepRunningText({ 3: { epoch: 0, maxEpochs: 5, started: true }, 0: { epoch: 4, maxEpochs: 5, started: true } })).toBe('training run 1 (epoch 4 / 5), run 4 (epoch 0 / 5)')
    expect(sweepRunningText({})).toBe('')
  })
})
