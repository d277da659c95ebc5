/**
 * Reading a project file: JSON text → migrated → validated → typed `Project`.
 *
 * Validation is the project schema (`schema.ts`): every problem with its JSON path, e.g.
 * `$.nodes[2].params.units`. A node parameter of the right type but out of range (units −3, a
 * uniform init with low > high) does not stop the file from opening: `compileGraph` reports it
 * on the node, where the user can fix it. Missing node parameters take their defaults.
 */

import { parseJsonText } from '../data/userText'
import { checkWith, inInputOrder, type SchemaProblem } from '../schema/issues'
import { migrateProject, ProjectFormatError } from './migrate'
import { projectFile } from './schema'
import type { Project } from './types'

export type ProjectError = SchemaProblem

export type ParseResult = { ok: true; project: Project } | { ok: false; errors: ProjectError[] }

/** `$.nodes[i].params.key…`: the node index and parameter key of a problem, if it is one. */
const PARAM_PATH = /^\$\.nodes\[(\d+)\]\.params\.(\w+)/

/** A parameter of the right type that the compiler refuses with a diagnostic on its node. */
const isRangeProblem = (e: ProjectError): boolean =>
  e.outOfRange === true && PARAM_PATH.test(e.path)
/** The problem as the user sees it. */
const shown = ({ path, message }: ProjectError): ProjectError => ({ path, message })

/**
 * Validates already-migrated JSON as a version-1 project, filling missing node parameters
 * from their defaults (the input is not changed).
 */
export function validateProject(json: unknown): ParseResult {
  const checked = checkWith(projectFile, json)
  if (checked.ok) return { ok: true, project: checked.value }
  const fatal = checked.errors.filter((e) => !isRangeProblem(e))
  if (fatal.length > 0) return { ok: false, errors: fatal.map(shown) }
  // Only out-of-range parameters: open the file with them as written (their defaults stand in
  // for the check), so compileGraph can point at each on its node.
  const copy = JSON.parse(JSON.stringify(json)) as { nodes: { params: Record<string, unknown> }[] }
  const held = checked.errors.map((e) => {
    const [, index, key] = PARAM_PATH.exec(e.path)!
    const params = copy.nodes[Number(index)].params
    const value = params[key]
    delete params[key]
    return { index: Number(index), key, value }
  })
  const again = checkWith(projectFile, copy)
  if (!again.ok) return { ok: false, errors: again.errors.map(shown) }
  for (const { index, key, value } of held)
    (again.value.nodes[index].params as Record<string, unknown>)[key] = value
  return { ok: true, project: inInputOrder(json, again.value) }
}

/**
 * Parses project-file text of any known version into a typed, current-version `Project`.
 * Never throws: JSON syntax errors, unknown formats, newer versions and type errors all come
 * back as `errors` with a JSON path.
 */
export function parseProject(text: string): ParseResult {
  const parsed = parseJsonText(text)
  if (!parsed.ok) return { ok: false, errors: [{ path: '$', message: parsed.message }] }
  const json = parsed.value
  let migrated: unknown
  try {
    migrated = migrateProject(json)
  } catch (e) {
    if (e instanceof ProjectFormatError)
      return { ok: false, errors: [{ path: '$.format', message: e.message }] }
    throw e
  }
  return validateProject(migrated)
}

/** `parseProject`, throwing a `ProjectFormatError` that lists every problem. */
export function parseProjectOrThrow(text: string): Project {
  const result = parseProject(text)
  if (!result.ok)
    throw new ProjectFormatError(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
  return result.project
}

/**
 * The project as the text the app saves: 2-space JSON with arrays of numbers or strings kept
 * on one line (so a weight row reads `[0.15, 0.2]`), key order as built.
 */
export function serializeProject(project: Project): string {
  const text = JSON.stringify(project, null, 2)
  // An array holding no objects or arrays spans lines with only its items: join them.
  return (
    text.replace(
      /\[\s+([^[\]{}]*?)\s+\]/g,
      (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`,
    ) + '\n'
  )
}
