/**
 * The examples gallery: every `resources/examples/*.axon.json`, bundled at build time by Vite
 * and parsed (and migrated) with the engine's `parseProject`, in a teaching order.
 */
import { parseProject, type Project } from '../../../engine/project'

export interface Example {
  /** File name without `.axon.json`, e.g. `encoder-8-3-8`. */
  id: string
  fileName: string
  project: Project
}

const files = import.meta.glob('../../../../resources/examples/*.axon.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>

/** The order a course meets them in; unknown ids go last, alphabetically. */
const ORDER = ['perceptron-and', 'perceptron-or', 'perceptron-xor', 'xor-2-2-1-sigmoid', 'xor-relu-handset', 'mazur-2-2-2', 'sjtu-exercise', 'encoder-8-3-8', 'residual-circles', 'nielsen-784-30-10', 'fashion-784-100-10']

function rank(id: string): number {
  const i = ORDER.indexOf(id)
  return i < 0 ? ORDER.length : i
}

/** Every example that parses, in teaching order. (A broken example file is logged, not shown.) */
export const EXAMPLES: Example[] = Object.entries(files)
  .map(([path, text]) => {
    const fileName = path.split('/').pop()!
    const id = fileName.replace(/\.axon\.json$/, '')
    const parsed = parseProject(text)
    if (!parsed.ok) {
      console.error(`Example ${fileName} does not parse:`, parsed.errors)
      return null
    }
    return { id, fileName, project: parsed.project }
  })
  .filter((e): e is Example => e !== null)
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id))

/** The example with this id (a fresh deep copy, safe to edit), or undefined. */
export function exampleProject(id: string): Project | undefined {
  const e = EXAMPLES.find((x) => x.id === id)
  return e ? (JSON.parse(JSON.stringify(e.project)) as Project) : undefined
}
