import type { DataSource } from '../../../engine/project'
import { dataFilePaths } from '../../../engine/project/shareData'
import { plural } from '../plural'
import { BUILTIN_CHOICES, isSamplePath } from './builtins'

/**
 * The project's data in a few words: its file's name, the built-in set, or the examples typed in.
 * The shipped Fashion-MNIST sample is named so: its files have the full set's names.
 */
export function dataSourceName(data: DataSource): string {
  if (data.kind === 'inline') return `${plural(data.inputs.length, 'example')} typed in`
  if (data.kind === 'builtin') return `built-in “${data.id}”`
  if (data.format === 'idx' && dataFilePaths(data).every(isSamplePath)) return BUILTIN_CHOICES.fashionSample.title
  return data.path.split('/').pop() ?? data.path
}
