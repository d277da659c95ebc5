import type { DataSource } from '../../../engine/project'
import { plural } from '../plural'

/** The project's data in a few words: its file's name, the built-in set, or the examples typed in. */
export function dataSourceName(data: DataSource): string {
  if (data.kind === 'inline') return `${plural(data.inputs.length, 'example')} typed in`
  if (data.kind === 'builtin') return `built-in “${data.id}”`
  return data.path.split('/').pop() ?? data.path
}
