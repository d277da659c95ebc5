/**
 * Small builders for specs and datasets with sensible defaults (tests, examples, the CLI).
 */
import { SPEC_VERSION, type ActivationSpec, type AddLayerSpec, type ConcatLayerSpec, type Dataset, type DenseLayerSpec, type EngineSpec, type ModelSpec } from '../spec'

/** A dense layer with defaults: bias on, everything trainable, Glorot weights, zero biases. */
export function dense(nodeId: string, units: number, activation: ActivationSpec | ActivationSpec['id'], extra: Partial<DenseLayerSpec> = {}): DenseLayerSpec {
  return {
    kind: 'dense',
    nodeId,
    units,
    activation: typeof activation === 'string' ? { id: activation } : activation,
    useBias: true,
    trainWeights: true,
    trainBiases: true,
    weightInit: { id: 'glorotUniform' },
    biasInit: { id: 'zeros' },
    ...extra,
  }
}

/** A merge layer (add or concatenate) reading `inputs` (node ids, or `NETWORK_INPUT`), with an optional activation. */
export function merge<K extends 'add' | 'concat'>(kind: K, nodeId: string, inputs: string[], activation?: ActivationSpec | ActivationSpec['id']): AddLayerSpec | ConcatLayerSpec {
  const act = typeof activation === 'string' ? { id: activation } : activation
  return { kind, nodeId, inputs, ...(act ? { activation: act } : {}) }
}

/** An engine spec with defaults: SGD η = 0.1, constant schedule, no regularisation, online, 1 epoch. */
export function engineSpec(model: Partial<ModelSpec> & Pick<ModelSpec, 'inputSize' | 'layers'>, extra: Partial<EngineSpec> = {}): EngineSpec {
  return {
    version: SPEC_VERSION,
    seed: 1,
    model: { loss: { id: 'halfSse', reduction: 'mean' }, precision: 'float64', ...model },
    optimizer: { id: 'sgd', learningRate: 0.1 },
    schedule: { id: 'constant' },
    regularization: { l1: 0, l2: 0 },
    training: { batch: { mode: 'online' }, maxEpochs: 1, shuffle: false, validationFraction: 0 },
    ...extra,
  }
}

/** A float64 dataset from rows of inputs and targets. */
export function tableDataset(inputs: number[][], targets: number[][]): Dataset {
  return {
    count: inputs.length,
    inputSize: inputs[0].length,
    inputs: Float64Array.from(inputs.flat()),
    targetSize: targets[0].length,
    targets: Float64Array.from(targets.flat()),
  }
}
