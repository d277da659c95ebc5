/**
 * The data a project carries in itself: inline tables and built-in datasets, as `Dataset`s.
 * File data needs a host to read bytes (see `src/cli/data.ts`).
 */

import { cutText } from '../data/userText'
import { BUILTIN_DATASETS, builtinDataset, type BuiltinDatasetId, type BuiltinOptions } from '../data/builtin'
import { DataError } from '../data/errors'
import type { Dataset } from '../spec'
import type { InlineData, Project } from './types'

/** An inline table as a float64 `Dataset` (`inputs` `[count][inputSize]`, `targets` `[count][targetSize]`). */
export function inlineDataset(data: InlineData): Dataset {
  const count = data.inputs.length
  const inputSize = data.inputs[0]?.length ?? 0
  const targetSize = data.targets[0]?.length ?? 0
  return {
    count,
    inputSize,
    inputs: Float64Array.from(data.inputs.flat()),
    targetSize,
    targets: Float64Array.from(data.targets.flat()),
    ...(data.featureNames ? { featureNames: [...data.featureNames] } : {}),
    ...(data.targetNames ? { targetNames: [...data.targetNames] } : {}),
  }
}

/** Whether `id` names a built-in dataset. */
export function isBuiltinDatasetId(id: string): id is BuiltinDatasetId {
  return Object.hasOwn(BUILTIN_DATASETS, id)
}

/**
 * The project's training data when it is inline or built in; null for file data.
 * @throws DataError (`badOption`) for an unknown built-in id or bad generator options.
 */
export function projectDataset(project: Project): Dataset | null {
  const data = project.data
  if (data.kind === 'inline') return inlineDataset(data)
  if (data.kind === 'builtin') {
    if (!isBuiltinDatasetId(data.id)) {
      throw new DataError('badOption', `There is no built-in dataset “${cutText(String(data.id))}”.`, {
        hint: `The built-in datasets are: ${Object.keys(BUILTIN_DATASETS).join(', ')}.`,
      })
    }
    return builtinDataset(data.id, (data.options ?? {}) as BuiltinOptions)
  }
  return null
}
