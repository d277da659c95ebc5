/**
 * What each EngineApi method accepts across the Comlink boundary, checked before the engine
 * sees it: types, string lengths, byte sizes, and no `__proto__`/`constructor`/`prototype`
 * keys anywhere in an object argument (the engine process is not sandboxed, so a polluted
 * prototype there would reach everything). The engine still validates meaning (specs, data
 * options) itself and says what is wrong; this only keeps malformed payloads out.
 */
import type { EngineApi } from '../api'

/** An argument check: null when fine, else what is wrong. */
export type ArgCheck = (value: unknown) => string | null

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
/** Largest byte payload (a data file) the engine accepts in one argument. */
export const MAX_ARGUMENT_BYTES = 1024 * 1024 * 1024
const MAX_DEPTH = 64

function plainProblem(value: unknown, depth: number): string | null {
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? `a ${typeof value} is not data` : null
  if (ArrayBuffer.isView(value)) return value.byteLength > MAX_ARGUMENT_BYTES ? 'too many bytes' : null
  if (depth > MAX_DEPTH) return 'nested too deeply'
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return 'not a plain object'
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `the key "${key}" is not allowed`
    const inner = plainProblem((value as Record<string, unknown>)[key], depth + 1)
    if (inner) return inner
  }
  return null
}

const optional = (check: ArgCheck): ArgCheck => (v) => (v === undefined ? null : check(v))

export const id: ArgCheck = (v) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? null : 'expected an id (a string of 1 to 200 characters)')
export const text: ArgCheck = (v) => (typeof v === 'string' && v.length <= 4096 ? null : 'expected a string of at most 4096 characters')
export const threadCount: ArgCheck = (v) => (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 256 ? null : 'expected a thread count (a whole number from 1 to 256)')
export const finite: ArgCheck = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'expected a finite number')
export const index: ArgCheck = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'expected a whole number ≥ 0')
export const bytes: ArgCheck = (v) => (v instanceof Uint8Array ? (v.byteLength <= MAX_ARGUMENT_BYTES ? null : 'more than 1 GB of bytes') : 'expected bytes (a Uint8Array)')
export const record: ArgCheck = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? plainProblem(v, 0) : 'expected an object')
export const list: ArgCheck = (v) => (Array.isArray(v) && v.length <= 16 ? plainProblem(v, 0) : 'expected a list of at most 16 items')
/** A document's text (a model JSON), up to the byte budget. */
export const documentText: ArgCheck = (v) => (typeof v === 'string' && v.length <= MAX_ARGUMENT_BYTES ? null : 'expected a text of at most 1 GB')
export const oneOf =
  (...choices: string[]): ArgCheck =>
  (v) =>
    typeof v === 'string' && choices.includes(v) ? null : `expected one of ${choices.join(', ')}`

/** One entry per method (the compiler insists): the checks of its arguments, in order. */
export const ENGINE_ARGUMENTS = {
  version: [],
  kernel: [],
  threads: [],
  setThreads: [threadCount],
  cancel: [id],
  streamDemo: [id, record],
  startRun: [id, record, record, optional(record)],
  resume: [id],
  pause: [id],
  step: [id, oneOf('example', 'batch', 'epoch')],
  reset: [id],
  setSpeed: [id, finite],
  showViews: [id, list],
  recordedEpochs: [id],
  replay: [id, index],
  setOptimizerSettings: [id, record],
  setEpochLimit: [id, index],
  weightNames: [id],
  lossSlice: [id, record],
  trace: [id, index, optional(record)],
  exportModel: [id, optional(record)],
  trainedValues: [id],
  evaluateTest: [id],
  stop: [id],
  trainSweepPoint: [id, record, record],
  openCsv: [text, bytes, optional(record)],
  openIdx: [list, optional(record)],
  openBuiltin: [text, optional(record)],
  prepareDataset: [id, optional(record)],
  closeData: [id],
  exportPytorch: [record, record],
  exportOnnx: [documentText, optional(record)],
} satisfies Record<keyof EngineApi, ArgCheck[]>
