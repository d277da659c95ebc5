/**
 * Why a run finished, in the words a teacher would use in class: "did not converge" rather
 * than the engine's `maxEpochs` (display only; every number comes from the engine).
 */
import { count, fmt, percent } from './format'

/** What the message needs to know about the run. */
export interface StopContext {
  /** The engine's stop reason: maxEpochs | targetLoss | solved | earlyStopping | converged | diverged. */
  reason: string | null
  /** Epochs completed. */
  epoch: number
  maxEpochs: number
  /** Training examples per epoch. */
  epochSize: number
  classification: boolean
  /** The optimizer's id (`perceptron` has a convergence criterion: no mistakes in an epoch). */
  optimizer: string | null
  /** The last finished epoch's training loss and accuracy, when known. */
  loss?: number
  accuracy?: number
  /** The epoch whose weights early stopping restored (the best validation loss), if any. */
  restoredEpoch?: number | null
}

/** One plain sentence (or two) saying why training stopped and whether the net learned the data. */
export function stopMessage(c: StopContext): string {
  const restored = c.restoredEpoch ? ` Restored the weights of epoch ${count(c.restoredEpoch)}, the best on validation.` : ''
  return reasonMessage(c) + restored
}

function reasonMessage(c: StopContext): string {
  const epochs = `${count(c.epoch)} epoch${c.epoch === 1 ? '' : 's'}`
  switch (c.reason) {
    case 'converged':
      return `Converged after ${epochs}: every training example is classified correctly.`
    case 'targetLoss':
      return `Reached the target loss after ${epochs} (E = ${fmt(c.loss)}).`
    case 'solved':
      return c.accuracy === 1 ? `Solved after ${epochs}: every training example is classified correctly.` : `Solved after ${epochs}: training accuracy ${percent(c.accuracy)}.`
    case 'earlyStopping':
      return `Stopped early after ${epochs}: the validation loss stopped improving.`
    case 'diverged':
      return `Diverged after ${epochs}: the weights blew up (try a smaller η).`
    case 'maxEpochs':
      return maxEpochsMessage(c)
    default:
      return c.reason ? `Finished (${c.reason}).` : 'Finished.'
  }
}

function maxEpochsMessage(c: StopContext): string {
  const limit = `the ${count(c.maxEpochs)}-epoch limit`
  const wrong = c.accuracy === undefined ? null : Math.round((1 - c.accuracy) * c.epochSize)
  if (c.optimizer === 'perceptron') {
    const still = wrong !== null && wrong > 0 ? ` ${count(wrong)} of ${count(c.epochSize)} examples were still misclassified in the last epoch.` : ''
    return `Did not converge: the perceptron rule stopped at ${limit} without an error-free epoch.${still}`
  }
  if (c.classification && c.accuracy !== undefined && c.accuracy < 1) {
    return `Stopped at ${limit}; training accuracy ${percent(c.accuracy)}, so the net has not learned every example.`
  }
  if (c.classification && c.accuracy === 1) return `Ran to ${limit}; every training example is classified correctly.`
  return `Ran to ${limit}; final loss E = ${fmt(c.loss)}.`
}
