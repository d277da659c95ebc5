import { describe, expect, it } from 'vitest'
import { engineSpec, dense } from './builders'
import { epochLimitChange } from './epochLimit'
import type { StopReason } from './sessionTypes'

const spec = engineSpec({ inputSize: 2, layers: [dense('o', 1, 'sigmoid')] }, { training: { batch: { mode: 'online' }, maxEpochs: 30, shuffle: false, validationFraction: 0 } })
const restoreBest = { ...spec, training: { ...spec.training, earlyStopping: { patience: 5, minDelta: 0, restoreBest: true } } }
const untilSolved = { ...spec, training: { ...spec.training, until: 'solved' as const } }

/** A session 30 epochs in (at the epoch's end unless `position` says otherwise), stopped by `stopped`. */
const at = (stopped: StopReason | null, s = spec, position = 4, restoredEpoch: number | null = null) => ({ spec: s, epoch: 30, stopped, restoredEpoch, position, epochSize: 4 })

describe('epochLimitChange: does a session 30 epochs in stay the run of a new limit?', () => {
  it.each([
    ['ended at its limit, raised: goes on', at('maxEpochs'), 40, 'goOn'],
    ['ended at its limit, the same limit', at('maxEpochs'), 30, 'same'],
    ['ended at its limit, lowered', at('maxEpochs'), 20, 'refused'],
    ['ended at its limit with an earlier epoch restored, raised', at('maxEpochs', restoreBest, 4, 22), 40, 'refused'],
    ['paused, raised', at(null), 40, 'same'],
    ['paused at an epoch end, lowered to the epochs done: ends', at(null), 30, 'end'],
    ['paused within the next epoch, lowered to the epochs done', at(null, spec, 2), 30, 'refused'],
    ['paused at an epoch end with restore-best, lowered to the epochs done', at(null, restoreBest), 30, 'refused'],
    ['paused, lowered below the epochs done', at(null), 29, 'refused'],
    ['ended at the target loss, raised', at('targetLoss'), 40, 'same'],
    ['ended by early stopping, lowered to the epochs done', at('earlyStopping'), 30, 'same'],
    ['ended by early stopping, lowered below', at('earlyStopping'), 29, 'refused'],
    ['diverged in epoch 31, raised', at('diverged'), 31, 'same'],
    ['diverged in epoch 31, limit 30', at('diverged'), 30, 'refused'],
    ['trained until solved: the limit is no limit', at(null, untilSolved), 5, 'same'],
  ] as const)('%s', (_, session, maxEpochs, change) => {
    expect(epochLimitChange(session, maxEpochs)).toBe(change)
  })
})
