/**
 * The lesson being played: which step, what the student answered, and the step's locks laid on
 * the document store (every edit passes through them). Opening another project or example ends
 * the lesson: the canvas is no longer the lesson's.
 */
import { create } from 'zustand'
import { applyLocks, checkAnswer, LessonCheckError, type Hideable, type Lesson, type Lock, type LessonStep, type RunMetrics } from '../../../engine/lessons'
import { serializeProject } from '../../../engine/project'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { wrapIfLong } from '../commands'
import { loadProgress, saveProgress, type AnswerRecord, type LessonProgress, type ProgressStore } from './progress'

export interface LessonState {
  lesson: Lesson | null
  step: number
  /** The document's load serial of the current step: another load ends the lesson. */
  loadSerial: number
  progress: ProgressStore
  /** A teacher's preview of a draft: plays as for a student, but keeps no progress. */
  preview: boolean
  /** Starts `lesson` where the student left it (or at step `at`); `keepCanvas` lays the step's locks on the canvas as it is. */
  start(lesson: Lesson, at?: number, options?: { preview?: boolean; keepCanvas?: boolean }): void
  goTo(step: number): void
  exit(): void
  /** Checks an answer of the current step and records it. */
  answer(given: { number?: number; choice?: number; run?: RunMetrics }): { record: AnswerRecord; message: string }
  setStudent(name: string): void
}

const doc = useDocument.getState

function hiddenOf(step: LessonStep | undefined): Set<Hideable> {
  return new Set(step?.lock.hide ?? [])
}

let entering = false

/** Whether two steps start from the same network (so going between them keeps the canvas and its run). */
function sameNetwork(a: LessonStep, b: LessonStep): boolean {
  return a.project === b.project || serializeProject(a.project) === serializeProject(b.project)
}

/**
 * Loads the step's network and lays its locks on the document. With `keepCanvas` (coming from a
 * step with the same network, or the lesson reopened over its recovered canvas) the canvas stays
 * as the student has it, with its training run: "train it" and "read what it learned" can be two steps.
 */
function enterStep(lesson: Lesson, index: number, keepCanvas = false): number {
  const step = lesson.steps[index]
  doc().setEditGuard(null)
  if (!keepCanvas) {
    entering = true
    try {
      // Wrapped like an example where one row would be too small to read (a projector's 1024 px).
      doc().load(wrapIfLong(step.project))
    } finally {
      entering = false
    }
  }
  doc().setEditGuard((before, after) => applyLocks(before, after, step.lock))
  useUi.getState().select([])
  useUi.getState().setGalleryOpen(false)
  if (hiddenOf(step).has('training') && useUi.getState().sideTab === 'training') useUi.getState().setSideTab('inspector')
  return doc().loadSerial
}

/**
 * This tab's progress under the progress stored now: another tab of the app may have saved its
 * lessons' answers since this tab read them, and they must stay (with storage off, this tab's
 * copy is all there is).
 */
function currentProgress(): ProgressStore {
  const own = useLesson.getState().progress
  const stored = loadProgress()
  return { student: stored.student || own.student, lessons: { ...own.lessons, ...stored.lessons } }
}

/** Applies `change` to the current progress and saves it; a preview changes its own copy only. */
function changeProgress(change: (progress: ProgressStore) => ProgressStore): ProgressStore {
  const { preview, progress } = useLesson.getState()
  if (preview) return change(progress)
  const next = change(currentProgress())
  saveProgress(next)
  return next
}

export const useLesson = create<LessonState>()((set, get) => ({
  lesson: null,
  step: 0,
  loadSerial: -1,
  progress: loadProgress(),
  preview: false,

  start(lesson, at, options) {
    const preview = options?.preview ?? false
    // A preview starts afresh and its answers are not the student's: it works on a copy it never saves.
    const progress = preview ? { ...get().progress, lessons: {} } : currentProgress()
    const saved = progress.lessons[lesson.id]
    const step = Math.min(at ?? saved?.step ?? 0, lesson.steps.length - 1)
    const lessons = { ...progress.lessons, [lesson.id]: { title: lesson.title, step, answers: saved?.answers ?? {} } }
    const next = { ...progress, lessons }
    if (!preview) saveProgress(next)
    set({ lesson, step, progress: next, preview, loadSerial: enterStep(lesson, step, options?.keepCanvas) })
  },
  goTo(step) {
    const { lesson } = get()
    if (!lesson || step < 0 || step >= lesson.steps.length) return
    const next = changeProgress((p) => ({ ...p, lessons: { ...p.lessons, [lesson.id]: { ...entryOf(p, lesson), step } } }))
    set({ step, progress: next, loadSerial: enterStep(lesson, step, sameNetwork(lesson.steps[get().step], lesson.steps[step])) })
  },
  exit() {
    doc().setEditGuard(null)
    set({ lesson: null, step: 0, loadSerial: -1, preview: false, progress: loadProgress() })
  },
  answer(given) {
    const { lesson, step } = get()
    if (!lesson) throw new Error('No lesson is open.')
    const s = lesson.steps[step]
    if (!s.question) throw new Error('This step has no question.')
    let record: AnswerRecord
    let message: string
    try {
      const check = checkAnswer(s.question, s.project, given)
      const shown = s.question.kind === 'choice' ? (s.question.options[given.choice ?? -1] ?? '') : String(given.number ?? check.expected ?? '')
      record = { given: shown, correct: check.correct, expected: check.expected, at: new Date().toISOString() }
      message = check.message
    } catch (e) {
      if (!(e instanceof LessonCheckError)) throw e
      record = { given: String(given.number ?? ''), correct: false, expected: null, at: new Date().toISOString() }
      message = e.message
    }
    if (record.expected === null && s.question.kind !== 'choice') return { record, message }
    const next = changeProgress((p) => {
      const entry = entryOf(p, lesson)
      const answers = { ...entry.answers, [step]: [...(entry.answers[step] ?? []), record] }
      return { ...p, lessons: { ...p.lessons, [lesson.id]: { ...entry, answers } } }
    })
    set({ progress: next })
    return { record, message }
  },
  setStudent(student) {
    set({ progress: changeProgress((p) => ({ ...p, student })) })
  },
}))

// Opening anything else (a file, an example, New) ends the lesson: the canvas is not its step's.
useDocument.subscribe((s) => {
  const lesson = useLesson.getState()
  if (!entering && lesson.lesson && s.loadSerial !== lesson.loadSerial) lesson.exit()
})

/** The lesson's entry in `progress` (one is made when the lesson starts). */
function entryOf(progress: ProgressStore, lesson: Lesson): LessonProgress {
  return progress.lessons[lesson.id] ?? { title: lesson.title, step: 0, answers: {} }
}

const NO_LOCK: Lock = {}
/** The current step's lock (none outside a lesson). */
export const selectLock = (s: LessonState): Lock => s.lesson?.steps[s.step].lock ?? NO_LOCK

/** The controls the current step hides, as app classes (`lesson-hide-palette …`; a string, so selectors stay stable). */
export const selectHiddenClasses = (s: LessonState): string => [...hiddenOf(s.lesson?.steps[s.step])].map((h) => `lesson-hide-${h}`).join(' ')
