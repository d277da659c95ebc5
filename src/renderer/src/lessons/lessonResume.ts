/**
 * A lesson survives a reload: the lesson being played (never a teacher's preview) is remembered
 * on this machine, beside the tab's autosave slot (each tab its own: `companionKey`), and at start-up, after the autosave has recovered the canvas, it opens again
 * at the student's step with that step's locks. Without this a reload left the lesson's network
 * on the canvas with nothing locked and no lesson beside it.
 */
import { useEffect } from 'react'
import { lessonDraftFile, parseLesson, type Lesson } from '../../../engine/lessons'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { SHIPPED_LESSONS } from './LessonList'
import { useLesson } from './lessonStore'
import { tabCompanion } from '../files/autosaveSlots'

const kept = () => tabCompanion('lesson', localStorage, sessionStorage)

/** A shipped lesson is remembered by its id; a lesson from a file by its text. */
type Remembered = { id: string } | { text: string }

function entryOf(lesson: Lesson): Remembered | null {
  if (SHIPPED_LESSONS.includes(lesson)) return { id: lesson.id }
  const file = lessonDraftFile(lesson)
  return file.ok ? { text: file.text } : null
}

function remember(lesson: Lesson | null, preview: boolean): void {
  try {
    const entry = lesson && !preview ? entryOf(lesson) : null
    if (entry) kept().write(JSON.stringify(entry))
    else kept().remove()
  } catch {
    // Storage full or disabled: the lesson is not reopened after a reload; progress is kept apart.
  }
}

function rememberedLesson(): Lesson | null {
  try {
    const entry = JSON.parse(kept().read() ?? 'null') as Partial<{ id: string; text: string }> | null
    if (entry?.id) return SHIPPED_LESSONS.find((l) => l.id === entry.id) ?? null
    if (entry?.text) {
      const parsed = parseLesson(entry.text)
      return parsed.ok ? parsed.lesson : null
    }
  } catch {
    // A damaged entry: nothing to reopen.
  }
  return null
}

/** True when the canvas holds the step's network (the same nodes), as the autosave recovered it. */
function canvasIsStep(lesson: Lesson, step: number): boolean {
  const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id).sort().join(' ')
  const stepProject = lesson.steps[step]?.project
  return Boolean(stepProject) && ids(useDocument.getState().project.nodes) === ids(stepProject.nodes)
}

/**
 * Reopens the lesson that was open when the page went (after the autosave recovery), or the one
 * kept with the work the tab just moved to ("Open it" on another tab's kept work; a lesson still
 * open is closed when that work has none): at the student's step, on the recovered canvas when
 * it is that step's network.
 */
export function reopenLesson(): void {
  const lesson = rememberedLesson()
  if (!lesson) {
    if (useLesson.getState().lesson) useLesson.getState().exit()
    return kept().remove()
  }
  const saved = useLesson.getState().progress.lessons[lesson.id]?.step ?? 0
  const step = Math.min(saved, lesson.steps.length - 1)
  const recovered = useUi.getState().notice
  useLesson.getState().start(lesson, step, { keepCanvas: canvasIsStep(lesson, step) })
  // The autosave's notice (and its "Start fresh") stays, saying the lesson came back too.
  useUi.getState().notify({ ...recovered, kind: 'info', text: `${recovered ? `${recovered.text} ` : ''}“${lesson.title}” is open again at step ${step + 1}.` })
}

/** At start-up, after the autosave hook: reopens the remembered lesson, then keeps remembering the one played. */
export function useLessonResume(): void {
  useEffect(() => {
    const stop = useLesson.subscribe((s, prev) => {
      if (s.lesson !== prev.lesson || s.preview !== prev.preview) remember(s.lesson, s.preview)
    })
    reopenLesson()
    return stop
  }, [])
}
