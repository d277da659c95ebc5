/**
 * The two benchmark networks of ../shared/bench/README.md, as engine specs.
 *
 * - Task F (lecture 002's assignment): 784-100-10, ReLU hidden (He normal), softmax +
 *   cross-entropy output (Glorot uniform, as the peers), zero biases, SGD η = 0.5, mini-batch 300.
 * - Task N (Nielsen's network.py): 784-30-10, sigmoid hidden and output, ½‖a−y‖² averaged over
 *   the batch (`mse`), weights and biases N(0, 1), SGD η = 3.0, mini-batch 10.
 * Both reshuffle every epoch.
 */
import { dense, engineSpec } from '../src/engine/train'
import type { EngineSpec, Precision } from '../src/engine/spec'

export type TaskId = 'F' | 'N'

export interface TaskInfo {
  id: TaskId
  hidden: number
  batch: number
  lr: number
  act: 'relu' | 'sigmoid'
  epochs: number
}

export const TASKS = {
  F: { id: 'F', hidden: 100, batch: 300, lr: 0.5, act: 'relu', epochs: 10 },
  N: { id: 'N', hidden: 30, batch: 10, lr: 3.0, act: 'sigmoid', epochs: 30 },
} as const satisfies Record<TaskId, TaskInfo>

/** The engine spec of a task. */
export function taskSpec(task: TaskId, precision: Precision, epochs: number, seed = 1): EngineSpec {
  const t = TASKS[task]
  const training = { batch: { mode: 'mini' as const, size: t.batch }, maxEpochs: epochs, shuffle: true, validationFraction: 0 }
  const optimizer = { id: 'sgd' as const, learningRate: t.lr }
  if (task === 'F') {
    return engineSpec(
      {
        inputSize: 784,
        layers: [dense('hidden', 100, 'relu', { weightInit: { id: 'heNormal' } }), dense('output', 10, 'softmax')],
        loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
        precision,
      },
      { seed, optimizer, training },
    )
  }
  const nielsen = { weightInit: { id: 'standardNormal' as const }, biasInit: { id: 'standardNormal' as const } }
  return engineSpec(
    {
      inputSize: 784,
      layers: [dense('hidden', 30, 'sigmoid', nielsen), dense('output', 10, 'sigmoid', nielsen)],
      loss: { id: 'mse', reduction: 'mean' },
      precision,
    },
    { seed, optimizer, training },
  )
}
