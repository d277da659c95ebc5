/**
 * Reading and writing lesson files: JSON text → the lesson schema → every project through the
 * project parser → checks across the two (a lock or a question naming a node the step's network
 * does not have, data the file does not hold). Every problem comes with its JSON path.
 */
import { cutText, parseJsonText } from '../data/userText'
import { FASHION_SAMPLE_FILES } from '../data/builtin'
import { parseProject, serializeProject, type FileData, type Project } from '../project'
import { checkWith } from '../schema/issues'
import { LESSON_FORMAT, LESSON_VERSION, lessonSchema, type LessonFile, type Lock, type Question } from './format'

export interface LessonStep {
  title: string
  text: string
  /** The network the step starts from. */
  project: Project
  lock: Lock
  question?: Question
}

export interface Lesson {
  id: string
  title: string
  description?: string
  source?: string
  project: Project
  steps: LessonStep[]
}

export interface LessonProblem {
  /** JSON path of the offending value, `$` for the whole file. */
  path: string
  message: string
}

export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: LessonProblem[] }

/** The sample every copy of the app ships (`resources/data/fashion-sample/`), named as from `resources/lessons/`. */
const SHIPPED_SAMPLE = new Set(Object.values(FASHION_SAMPLE_FILES).map((p) => `../${p}`))

function isShippedSample(data: FileData): boolean {
  const paths = [data.path, data.labelsPath, data.testPath, data.testLabelsPath].filter((p) => p !== undefined)
  return data.format === 'idx' && paths.every((p) => SHIPPED_SAMPLE.has(p))
}

function checkProject(value: unknown, path: string, errors: LessonProblem[]): Project | null {
  const result = parseProject(JSON.stringify(value))
  if (!result.ok) {
    for (const e of result.errors) errors.push({ path: e.path.replace(/^\$/, path), message: e.message })
    return null
  }
  if (result.project.data.kind === 'file' && !isShippedSample(result.project.data)) {
    errors.push({ path: `${path}.data`, message: 'must be inline, built-in or the shipped Fashion-MNIST sample: a lesson file holds its data (file data stays beside a project, not in a lesson)' })
    return null
  }
  return result.project
}

/** Node ids the step's lock and question name must be on its network. */
function checkNames(step: LessonStep, path: string, errors: LessonProblem[]): void {
  const kinds = new Map(step.project.nodes.map((n) => [n.id, n.kind]))
  step.lock.nodes?.forEach((id, i) => kinds.has(id) || errors.push({ path: `${path}.lock.nodes[${i}]`, message: `names no node of the step’s network (“${cutText(id)}”)` }))
  step.lock.params?.forEach((p, i) => kinds.has(p.split('.')[0]) || errors.push({ path: `${path}.lock.params[${i}]`, message: `names no node of the step’s network (“${cutText(p)}”)` }))
  const q = step.question
  if (q?.kind === 'number' && 'node' in q.measure) {
    const kind = kinds.get(q.measure.node)
    const needsDense = q.measure.quantity === 'weight' || q.measure.quantity === 'bias'
    if (!kind) errors.push({ path: `${path}.question.measure.node`, message: `names no node of the step’s network (“${cutText(q.measure.node)}”)` })
    else if (needsDense && kind !== 'dense') errors.push({ path: `${path}.question.measure.node`, message: `must be a dense node (“${cutText(q.measure.node)}” is ${kind})` })
  }
}

/** Parse a lesson file's text. */
export function parseLesson(text: string): LessonParseResult {
  const json = parseJsonText(text)
  if (!json.ok) return { ok: false, errors: [{ path: '$', message: json.message }] }
  const head = json.value as { format?: unknown; version?: unknown } | null
  if (head && typeof head === 'object' && head.format === LESSON_FORMAT && typeof head.version === 'number' && head.version > LESSON_VERSION) {
    return { ok: false, errors: [{ path: '$.version', message: `is ${head.version}: this lesson was written by a newer Axon Studio (this one reads version ${LESSON_VERSION})` }] }
  }
  const parsed = checkWith(lessonSchema, json.value)
  if (!parsed.ok) return { ok: false, errors: parsed.errors }
  const file: LessonFile = parsed.value
  const errors: LessonProblem[] = []
  const base = checkProject(file.project, '$.project', errors)
  const steps: LessonStep[] = []
  file.steps.forEach((s, i) => {
    const path = `$.steps[${i}]`
    const project = s.project ? checkProject(s.project, `${path}.project`, errors) : base
    if (!project) return
    const step: LessonStep = { title: s.title, text: s.text, project, lock: s.lock ?? {}, ...(s.question ? { question: s.question } : {}) }
    checkNames(step, path, errors)
    steps.push(step)
  })
  if (errors.length > 0 || !base) return { ok: false, errors }
  const { id, title, description, source } = file
  return { ok: true, lesson: { id, title, ...(description ? { description } : {}), ...(source ? { source } : {}), project: base, steps } }
}

const asJson = (project: Project): unknown => JSON.parse(serializeProject(project))

/** A lesson as file text (a step that starts from the lesson's project does not repeat it). */
export function serializeLesson(lesson: Lesson): string {
  const base = serializeProject(lesson.project)
  const file: LessonFile = {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id: lesson.id,
    title: lesson.title,
    ...(lesson.description ? { description: lesson.description } : {}),
    ...(lesson.source ? { source: lesson.source } : {}),
    project: asJson(lesson.project) as Record<string, unknown>,
    steps: lesson.steps.map((s) => ({
      title: s.title,
      text: s.text,
      ...(serializeProject(s.project) === base ? {} : { project: asJson(s.project) as Record<string, unknown> }),
      ...(Object.keys(s.lock).length > 0 ? { lock: s.lock } : {}),
      ...(s.question ? { question: s.question } : {}),
    })),
  }
  return JSON.stringify(file, null, 2) + '\n'
}
