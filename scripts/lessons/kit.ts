/**
 * Building blocks of the shipped lessons' sources (`scripts/lessons/*.ts`): projects made from
 * the lecture examples or as a chain of layers, and the usual locks. `npm run lessons` writes
 * each lesson through the lesson parser and writer, so a source that does not make a valid
 * lesson stops the build with the parser's message.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createNode, type NodeKind } from '../../src/engine/project'
import { LESSON_FORMAT, LESSON_VERSION, parseLesson, serializeLesson, type Hideable, type LessonFile, type Lock } from '../../src/engine/lessons'

export type Json = Record<string, unknown>

const root = join(import.meta.dirname, '../..')

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** A lecture example project (`resources/examples/NAME.axon.json`) as JSON. */
export function exampleProject(name: string): Json {
  return JSON.parse(readFileSync(join(root, 'resources/examples', `${name}.axon.json`), 'utf8')) as Json
}

type NodeJson = { id: string; kind: string; params: Json }

/** `project` with the given params of each node id merged in (and `meta` replaced when given). */
export function withParams(project: Json, edits: Record<string, Json>, meta?: Json): Json {
  const next = copy(project)
  const nodes = next.nodes as NodeJson[]
  for (const [id, params] of Object.entries(edits)) {
    const node = nodes.find((n) => n.id === id)
    if (!node) throw new Error(`no node “${id}” to edit`)
    node.params = { ...node.params, ...copy(params) }
  }
  if (meta) next.meta = meta
  return next
}

export interface ChainLayer {
  /** The dense node's id; its activation node is `${id}-act`. */
  id: string
  units: number
  activation: string
  dense?: Json
}

function node(kind: NodeKind, id: string, x: number, params: Json, label?: string): Json {
  const n = createNode(kind, id, { x, y: 120 }) as unknown as NodeJson
  return { ...n, params: { ...n.params, ...copy(params) }, ...(label ? { label } : {}) }
}

/** input → (dense → activation)… → loss → optimizer, left to right, as the lectures draw it. */
export function chainProject(o: { meta: Json; seed?: number; data: Json; inputSize: number; layers: ChainLayer[]; loss: Json; optimizer: Json }): Json {
  const nodes: Json[] = [node('input', 'input', 0, { size: o.inputSize })]
  for (const l of o.layers) {
    nodes.push(node('dense', l.id, nodes.length * 220, { units: l.units, ...l.dense }))
    nodes.push(node('activation', `${l.id}-act`, nodes.length * 220, { activation: l.activation }))
  }
  nodes.push(node('loss', 'loss', nodes.length * 220, o.loss))
  nodes.push(node('optimizer', 'optimizer', nodes.length * 220, o.optimizer))
  const ids = nodes.map((n) => n.id as string)
  const edges = ids.slice(1).map((target, i) => ({ id: `e-${ids[i]}-${target}`, source: ids[i], target }))
  return { format: 'axon-studio/project', version: 1, meta: o.meta, seed: o.seed ?? 1, precision: 'float64', data: o.data, nodes, edges }
}

/** The controls a lesson usually hides: the way to other projects and data. */
export const LESSON_HIDE: Hideable[] = ['palette', 'examples', 'file', 'data']

/** Every node locked, no node or wire added or removed; `extra` adds hidden controls. */
export function viewOnly(project: Json, extra: Hideable[] = []): Lock {
  return { nodes: (project.nodes as NodeJson[]).map((n) => n.id), structure: true, hide: [...LESSON_HIDE, ...extra] }
}

/** Every node locked but the settings named `nodeId.param`, which the student may change. */
export function lockAllBut(project: Json, free: string[]): Lock {
  const ids = (project.nodes as NodeJson[]).map((n) => n.id)
  const freeNodes = new Set(free.map((f) => f.split('.')[0]))
  const params = (project.nodes as NodeJson[])
    .filter((n) => freeNodes.has(n.id))
    .flatMap((n) => Object.keys(n.params).map((p) => `${n.id}.${p}`))
    .filter((p) => !free.includes(p))
  return { nodes: ids.filter((id) => !freeNodes.has(id)), params, structure: true, hide: LESSON_HIDE }
}

/** A shipped lesson: its format and version are the lesson format's own, the rest is the source's. */
export function defineLesson(lesson: Omit<LessonFile, 'format' | 'version'>): LessonFile {
  return { format: LESSON_FORMAT, version: LESSON_VERSION, ...lesson }
}

/** The lesson's file text, through the parser and the writer (a bad source throws with the parser's problems). */
export function lessonText(file: LessonFile): string {
  const parsed = parseLesson(JSON.stringify(file))
  if (!parsed.ok) throw new Error(`lesson “${file.id}” does not parse:\n${parsed.errors.map((e) => `${e.path} ${e.message}`).join('\n')}`)
  return serializeLesson(parsed.lesson)
}
