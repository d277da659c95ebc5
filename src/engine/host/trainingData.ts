/**
 * Resolve a run's `TrainingData` into the `Dataset`s the session trains on, through the data
 * layer (`src/engine/data`): inline tables, built-in datasets by id, IDX bytes, or a Dataset.
 */
import type { Dataset } from '../spec'
import { builtinDataset, holdOutTest, idxToDataset, parseIdx, datasetSubset, type BuiltinDatasetId, type BuiltinOptions } from '../data'
import { EngineError } from '../train'
import type { TrainingData } from './trainingTypes'
import { handleTrainingData } from './dataFiles'

export interface ResolvedData {
  train: Dataset
  /** Explicit validation set; absent = the spec's validation split. */
  validation?: Dataset
  /** Held-out test set (a split-off part or given test files), evaluated apart from validation. */
  test?: Dataset
}

/** Build the training (and validation) Dataset from a data source. Throws a DataError or SpecError. */
export function resolveTrainingData(data: TrainingData): ResolvedData {
  switch (data.kind) {
    case 'inline': {
      if (data.inputs.length === 0 || data.inputs.length !== data.targets.length) {
        throw new EngineError('SpecError', `The data table needs as many target rows as input rows (got ${data.inputs.length} and ${data.targets.length}).`)
      }
      const train: Dataset = {
        count: data.inputs.length,
        inputSize: data.inputs[0].length,
        inputs: Float64Array.from(data.inputs.flat()),
        inputShape: [data.inputs[0].length],
        targetSize: data.targets[0].length,
        targets: Float64Array.from(data.targets.flat()),
      }
      if (data.featureNames) train.featureNames = data.featureNames
      if (data.targetNames) train.targetNames = data.targetNames
      return { train }
    }
    case 'builtin':
      return holdOutTest(builtinDataset(data.id as BuiltinDatasetId, (data.options ?? {}) as BuiltinOptions), data.testFraction, data.seed ?? 1)
    case 'idx': {
      const labelNames = data.labelNames
      let train = idxToDataset(parseIdx(data.trainImages, { name: 'training images' }), parseIdx(data.trainLabels, { name: 'training labels' }), { labelNames })
      if (data.limit !== undefined && data.limit < train.count) {
        train = datasetSubset(train, Int32Array.from({ length: data.limit }, (_, i) => i))
      }
      if (!data.testImages || !data.testLabels) return { train }
      const test = idxToDataset(parseIdx(data.testImages, { name: 'test images' }), parseIdx(data.testLabels, { name: 'test labels' }), { labelNames })
      return { train, test }
    }
    case 'dataset':
      return { train: data.train, ...(data.validation ? { validation: data.validation } : {}), ...(data.test ? { test: data.test } : {}) }
    case 'handle':
      return handleTrainingData(data.handle)
  }
}
