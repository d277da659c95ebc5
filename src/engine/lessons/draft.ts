/**
 * A lesson still being written, as teacher mode keeps it on the machine between sessions: read
 * back through the lesson's own schemas (`draftStepSchema`, the lesson file's fields) and every
 * network through the project parser, so a damaged copy is refused with its first problem
 * instead of reaching the editor.
 */
import { parseProject, type Project } from '../project'
import { checkWith } from '../schema/issues'
import { z } from '../schema/z'
import { draftStepSchema, lessonSchema } from './format'
import type { Lesson, LessonProblem, LessonStep } from './parse'

const draftSchema = lessonSchema.pick({ id: true, description: true, source: true, project: true }).safeExtend({
  title: z.string(),
  steps: z.array(draftStepSchema),
})

/** The network at `path`, or its first problem. */
function draftProject(value: unknown, path: string): { project: Project } | { problem: LessonProblem } {
  const parsed = parseProject(JSON.stringify(value))
  if (parsed.ok) return { project: parsed.project }
  const first = parsed.errors[0]
  return { problem: { path: first.path.replace(/^\$/, path), message: first.message } }
}

/** The draft in `value` (a `Lesson` as JSON), or its first problem with its JSON path. */
export function parseLessonDraft(value: unknown): { ok: true; lesson: Lesson } | { ok: false; problem: LessonProblem } {
  const parsed = checkWith(draftSchema, value)
  if (!parsed.ok) return { ok: false, problem: parsed.errors[0] }
  const { steps: rawSteps, project: rawProject, ...meta } = parsed.value
  const base = draftProject(rawProject, '$.project')
  if ('problem' in base) return { ok: false, problem: base.problem }
  const steps: LessonStep[] = []
  for (const [i, s] of rawSteps.entries()) {
    const step = draftProject(s.project, `$.steps[${i}].project`)
    if ('problem' in step) return { ok: false, problem: step.problem }
    steps.push({ title: s.title, text: s.text, project: step.project, lock: s.lock, ...(s.question ? { question: s.question as LessonStep['question'] } : {}) })
  }
  return { ok: true, lesson: { ...meta, project: base.project, steps } }
}
