import { describe, expect, it } from 'vitest'
import { stopMessage, type StopContext } from './stopMessage'

const xor: StopContext = { reason: 'maxEpochs', epoch: 50, maxEpochs: 50, epochSize: 4, classification: true, optimizer: 'perceptron', loss: 2, accuracy: 0 }

describe('stopMessage', () => {
  it('says plainly that the perceptron on XOR did not converge, with how many examples are wrong', () => {
    expect(stopMessage(xor)).toBe('Did not converge: the perceptron rule stopped at the 50-epoch limit without an error-free epoch. 4 of 4 examples were still misclassified in the last epoch.')
  })

  it('says converged when the perceptron rule makes no mistakes', () => {
    expect(stopMessage({ ...xor, reason: 'converged', epoch: 4, accuracy: 1, loss: 0 })).toBe('Converged after 4 epochs: every training example is classified correctly.')
  })

  it('names the epoch limit and the final loss for a regression run', () => {
    expect(stopMessage({ ...xor, optimizer: 'sgd', classification: false, accuracy: undefined, loss: 0.0001234 })).toBe('Ran to the 50-epoch limit; final loss E = 0.0001234.')
  })

  it('says a classifier below 100% has not learned every example', () => {
    expect(stopMessage({ ...xor, optimizer: 'sgd', accuracy: 0.75 })).toContain('training accuracy 75.0%')
  })

  it('adds the restored epoch after early stopping', () => {
    expect(stopMessage({ ...xor, optimizer: 'adam', reason: 'earlyStopping', epoch: 12, restoredEpoch: 7 })).toBe(
      'Stopped early after 12 epochs: the validation loss stopped improving. Restored the weights of epoch 7, the best on validation.',
    )
  })
})
