/**
 * Reading a project file: JSON text → migrated → validated → typed `Project`.
 *
 * Validation checks structure and types (every problem with its JSON path, e.g.
 * `$.nodes[2].params.units`); it does not check ranges or the graph, which are
 * `compileGraph`'s job, so a project with a bad value still opens and shows a diagnostic on
 * the node. Missing node parameters are filled from the kind's defaults.
 */

import { experimentsProblem } from '../experiments/sweep'
import { parseJsonText } from '../data/userText'
import { migrateProject, ProjectFormatError } from './migrate'
import { NODE_KINDS, type ParamInfo } from './nodeKinds'
import { PROJECT_FORMAT, PROJECT_VERSION, type NodeKind, type Project } from './types'

export interface ProjectError {
  /** JSON path of the offending value, `$` for the whole file. */
  path: string
  message: string
}

export type ParseResult = { ok: true; project: Project } | { ok: false; errors: ProjectError[] }

type Json = Record<string, unknown>

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const isNumberArray = (x: unknown): x is number[] => Array.isArray(x) && x.every(isNumber)

/** Collects errors with their paths. */
class Checker {
  readonly errors: ProjectError[] = []
  fail(path: string, message: string): false {
    this.errors.push({ path, message })
    return false
  }
  object(value: unknown, path: string): value is Json {
    return isObject(value) || this.fail(path, 'must be an object')
  }
  string(value: unknown, path: string): value is string {
    return typeof value === 'string' || this.fail(path, 'must be a string')
  }
  number(value: unknown, path: string): value is number {
    return isNumber(value) || this.fail(path, 'must be a number')
  }
  oneOf(value: unknown, options: readonly string[], path: string): boolean {
    return (typeof value === 'string' && options.includes(value)) || this.fail(path, `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`)
  }
  matrix(value: unknown, path: string): boolean {
    return (Array.isArray(value) && value.every(isNumberArray)) || this.fail(path, 'must be an array of rows of numbers')
  }
  vector(value: unknown, path: string): boolean {
    return isNumberArray(value) || this.fail(path, 'must be an array of numbers')
  }
}

const NODE_KIND_LIST = Object.keys(NODE_KINDS) as NodeKind[]

/** Type of one parameter value against its descriptor (ranges are left to `compileGraph`). */
function checkParam(c: Checker, info: ParamInfo, value: unknown, path: string): void {
  switch (info.type) {
    case 'int':
    case 'number':
      c.number(value, path)
      break
    case 'boolean':
      if (typeof value !== 'boolean') c.fail(path, 'must be true or false')
      break
    case 'enum':
      c.oneOf(value, Object.keys(info.options ?? {}), path)
      break
    case 'numberOrNull':
      if (value !== null && !isNumber(value)) c.fail(path, 'must be a number or null')
      break
    case 'sizeOrAuto':
      if (value !== 'auto' && !isNumber(value)) c.fail(path, 'must be a number or "auto"')
      break
    case 'init':
    case 'schedule':
      if (c.object(value, path)) c.oneOf(value.id, Object.keys(info.options ?? {}), `${path}.id`)
      break
    case 'matrix':
      c.matrix(value, path)
      break
    case 'vector':
      c.vector(value, path)
      break
  }
}

function checkNode(c: Checker, node: unknown, path: string): void {
  if (!c.object(node, path)) return
  c.string(node.id, `${path}.id`)
  if (node.label !== undefined) c.string(node.label, `${path}.label`)
  if (c.object(node.position, `${path}.position`)) {
    c.number(node.position.x, `${path}.position.x`)
    c.number(node.position.y, `${path}.position.y`)
  }
  if (!c.oneOf(node.kind, NODE_KIND_LIST, `${path}.kind`)) return
  const info = NODE_KINDS[node.kind as NodeKind]
  if (node.params === undefined) node.params = {}
  if (!c.object(node.params, `${path}.params`)) return
  const params = node.params
  for (const p of info.params) {
    if (params[p.key] === undefined) {
      const fallback = (info.defaults as unknown as Json)[p.key]
      if (fallback !== undefined) params[p.key] = JSON.parse(JSON.stringify(fallback))
      continue
    }
    checkParam(c, p, params[p.key], `${path}.params.${p.key}`)
  }
}

function checkData(c: Checker, data: unknown, path: string): void {
  if (!c.object(data, path)) return
  if (!c.oneOf(data.kind, ['inline', 'builtin', 'file'], `${path}.kind`)) return
  if (data.kind === 'inline') {
    c.matrix(data.inputs, `${path}.inputs`)
    c.matrix(data.targets, `${path}.targets`)
    for (const key of ['featureNames', 'targetNames']) {
      if (data[key] !== undefined && !(Array.isArray(data[key]) && (data[key] as unknown[]).every((s) => typeof s === 'string'))) c.fail(`${path}.${key}`, 'must be an array of strings')
    }
  } else if (data.kind === 'builtin') {
    c.string(data.id, `${path}.id`)
    if (data.options !== undefined) c.object(data.options, `${path}.options`)
  } else {
    c.oneOf(data.format, ['csv', 'idx'], `${path}.format`)
    c.string(data.path, `${path}.path`)
    for (const key of ['labelsPath', 'testPath', 'testLabelsPath']) if (data[key] !== undefined) c.string(data[key], `${path}.${key}`)
    if (data.scaling === undefined) data.scaling = 'none'
    c.oneOf(data.scaling, ['none', 'minMax', 'zScore', 'divide255'], `${path}.scaling`)
    for (const key of ['header', 'preamble', 'stratify']) if (data[key] !== undefined && typeof data[key] !== 'boolean') c.fail(`${path}.${key}`, 'must be true or false')
    for (const key of ['classes', 'limit']) {
      const v = data[key]
      if (v !== undefined && !(isNumber(v) && Number.isInteger(v) && v >= (key === 'classes' ? 2 : 1))) c.fail(`${path}.${key}`, `must be a whole number ≥ ${key === 'classes' ? 2 : 1}`)
    }
    for (const key of ['validationFraction', 'testFraction']) {
      const v = data[key]
      if (v !== undefined && !(isNumber(v) && v >= 0 && v < 1)) c.fail(`${path}.${key}`, 'must be a number ≥ 0 and < 1')
    }
    if (isNumber(data.validationFraction) && isNumber(data.testFraction) && data.validationFraction + data.testFraction >= 1) c.fail(`${path}.testFraction`, 'with validationFraction must leave rows for training (sum < 1)')
    if (data.missing !== undefined) c.oneOf(data.missing, ['error', 'drop', 'mean', 'median', 'mode'], `${path}.missing`)
    if (data.targetColumns !== undefined && !(Array.isArray(data.targetColumns) && data.targetColumns.every((x) => typeof x === 'string' || (isNumber(x) && Number.isInteger(x) && x >= 0)))) c.fail(`${path}.targetColumns`, 'must be an array of column names or indices')
    for (const key of ['labelNames', 'categorical', 'excluded']) {
      if (data[key] !== undefined && !(Array.isArray(data[key]) && (data[key] as unknown[]).every((s) => typeof s === 'string'))) c.fail(`${path}.${key}`, 'must be an array of strings')
    }
  }
}

/**
 * Validates already-migrated JSON as a version-1 project. Fills missing node parameters
 * from their defaults (on a copy).
 */
export function validateProject(json: unknown): ParseResult {
  const c = new Checker()
  if (!c.object(json, '$')) return { ok: false, errors: c.errors }
  const p = JSON.parse(JSON.stringify(json)) as Json
  if (p.format !== PROJECT_FORMAT) c.fail('$.format', `must be "${PROJECT_FORMAT}"`)
  if (p.version !== PROJECT_VERSION) c.fail('$.version', `must be ${PROJECT_VERSION}`)
  if (c.object(p.meta, '$.meta')) {
    c.string(p.meta.title, '$.meta.title')
    if (p.meta.description === undefined) p.meta.description = ''
    c.string(p.meta.description, '$.meta.description')
    if (p.meta.source !== undefined) c.string(p.meta.source, '$.meta.source')
  }
  if (!(isNumber(p.seed) && Number.isInteger(p.seed) && p.seed >= 0 && p.seed <= 0xffffffff)) c.fail('$.seed', 'must be a whole number from 0 to 4294967295')
  if (p.precision === undefined) p.precision = 'float64'
  c.oneOf(p.precision, ['float64', 'float32'], '$.precision')
  checkData(c, p.data, '$.data')
  if (Array.isArray(p.nodes)) p.nodes.forEach((node, i) => checkNode(c, node, `$.nodes[${i}]`))
  else c.fail('$.nodes', 'must be an array')
  if (Array.isArray(p.edges)) {
    p.edges.forEach((edge, i) => {
      const path = `$.edges[${i}]`
      if (!c.object(edge, path)) return
      c.string(edge.id, `${path}.id`)
      c.string(edge.source, `${path}.source`)
      c.string(edge.target, `${path}.target`)
    })
  } else c.fail('$.edges', 'must be an array')
  if (p.viewport !== undefined && c.object(p.viewport, '$.viewport')) {
    for (const key of ['x', 'y', 'zoom']) c.number(p.viewport[key], `$.viewport.${key}`)
  }
  const experiments = p.experiments === undefined ? null : experimentsProblem(p.experiments)
  if (experiments) c.fail(`$.experiments${experiments.path}`, experiments.message)
  return c.errors.length > 0 ? { ok: false, errors: c.errors } : { ok: true, project: p as unknown as Project }
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
    if (e instanceof ProjectFormatError) return { ok: false, errors: [{ path: '$.format', message: e.message }] }
    throw e
  }
  return validateProject(migrated)
}

/** `parseProject`, throwing a `ProjectFormatError` that lists every problem. */
export function parseProjectOrThrow(text: string): Project {
  const result = parseProject(text)
  if (!result.ok) throw new ProjectFormatError(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
  return result.project
}

/**
 * The project as the text the app saves: 2-space JSON with arrays of numbers or strings kept
 * on one line (so a weight row reads `[0.15, 0.2]`), key order as built.
 */
export function serializeProject(project: Project): string {
  const text = JSON.stringify(project, null, 2)
  // An array holding no objects or arrays spans lines with only its items: join them.
  return text.replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`) + '\n'
}
