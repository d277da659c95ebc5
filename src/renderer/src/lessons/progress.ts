/**
 * A student's progress through lessons, kept on this machine (localStorage, per browser profile
 * or desktop user) and exported as a progress file to hand in. Answers are recorded as given,
 * with what the engine said, so a teacher can read how the student got there.
 */

const KEY = 'axon.lessons.progress.v1'
export const PROGRESS_FORMAT = 'axon-studio/lesson-progress'

export interface AnswerRecord {
  /** What the student answered (a number, an option's text, or the metric their run reached). */
  given: string
  correct: boolean
  /** The engine's number (number and target questions). */
  expected: number | null
  /** ISO time of the answer. */
  at: string
}

export interface LessonProgress {
  title: string
  /** The step the student is on (0-based). */
  step: number
  /** Answers by step index; every try is kept, the last one counts. */
  answers: Record<string, AnswerRecord[]>
}

export interface ProgressStore {
  student: string
  lessons: Record<string, LessonProgress>
}

export function loadProgress(): ProgressStore {
  try {
    const raw = localStorage.getItem(KEY)
    const parsed = raw ? (JSON.parse(raw) as ProgressStore) : null
    if (parsed && typeof parsed.student === 'string' && parsed.lessons && typeof parsed.lessons === 'object') return parsed
  } catch {
    // A damaged record starts afresh rather than blocking the lesson.
  }
  return { student: '', lessons: {} }
}

export function saveProgress(store: ProgressStore): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(store))
  } catch {
    // Storage full or disabled: progress lives for this session only.
  }
}

/** Whether the last answer of every question step was right. */
export function lessonComplete(progress: LessonProgress | undefined, questionSteps: readonly number[]): boolean {
  return questionSteps.every((i) => progress?.answers[i]?.at(-1)?.correct === true)
}

/** The progress file of one lesson: who, which lesson, every answer. */
export function progressFileText(store: ProgressStore, lessonId: string, questionSteps: readonly number[], now: Date): string {
  const progress = store.lessons[lessonId]
  const file = {
    format: PROGRESS_FORMAT,
    version: 1,
    student: store.student,
    lesson: lessonId,
    title: progress?.title ?? lessonId,
    exported: now.toISOString(),
    complete: lessonComplete(progress, questionSteps),
    answers: progress?.answers ?? {},
  }
  return JSON.stringify(file, null, 2) + '\n'
}
