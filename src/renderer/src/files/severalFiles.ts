/** Files given at once where one project opens: which are projects, and what the notice says. Pure. */
import { isProjectFileName } from '../../../shared/files'

/** A project file (`*.axon.json`, or any `.json` the user means as one: a trained model file opens as Open model… opens it). */
export const isProjectFile = (file: { name: string }): boolean => isProjectFileName(file.name)

/** “a”, “a” and “b”, “a”, “b” and “c”. */
function names(list: readonly string[]): string {
  const quoted = list.map((n) => `“${n}”`)
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`
}

/** What the notice says once `opened` opened and `left` (other files of the same drop or pick) did not. */
export function oneProjectText(opened: string, left: readonly string[]): string {
  return `Opened ${opened}. Only one project opens at a time: ${names(left)} ${left.length === 1 ? 'was' : 'were'} not opened (open ${left.length === 1 ? 'it' : 'them'} one by one).`
}
