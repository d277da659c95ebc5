/**
 * A lesson being written in teacher mode survives a reload, as the canvas does: the draft (its
 * title, steps with their recorded networks, text, locks and questions, finished or not) and the
 * step being edited are kept on this machine a moment after every change, beside the tab's
 * autosave slot (each tab its own: `companionKey`), and at start-up, after
 * the autosave has recovered the canvas, teacher mode opens again on them. Closing teacher mode
 * forgets the draft, as it always did.
 */
import { useEffect } from 'react'
import { parseLessonDraft, type Lesson } from '../../../engine/lessons'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { useTeacher } from './teacherStore'
import { tabCompanion } from '../files/autosaveSlots'

const kept = () => tabCompanion('draft', localStorage, sessionStorage)
const DELAY_MS = 400

type KeptDraft = { draft: Lesson; selected: number }

/** Keeps the draft now, beside the tab's slot (the tab is about to move to other work). */
export function keepDraftNow(): void {
  const { active, draft, selected } = useTeacher.getState()
  try {
    if (active) kept().write(JSON.stringify({ draft, selected } satisfies KeptDraft))
    else kept().remove()
  } catch {
    // Storage full or disabled: the draft lives for this session only (Save writes the file).
  }
}

/** A JSON path in the draft as the teacher knows the place: "$.steps[0].lock" → "step 1, lock". */
function placeInDraft(path: string): string {
  const step = /^\$\.steps\[(\d+)\]\.?(.*)$/.exec(path)
  if (step) return `step ${Number(step[1]) + 1}${step[2] ? `, ${step[2]}` : ''}`
  return path === '$' ? 'the draft' : `the lesson, ${path.replace(/^\$\./, '')}`
}

/** The kept draft, null when there is none, or why it cannot be opened again (its first problem). */
function keptDraft(): KeptDraft | { problem: string } | null {
  let value: unknown
  try {
    const text = kept().read()
    if (text === null) return null
    value = JSON.parse(text)
  } catch (e) {
    return { problem: e instanceof SyntaxError ? 'it is not complete JSON' : 'it cannot be read from this browser’s storage' }
  }
  const { draft, selected } = (value ?? {}) as { draft?: unknown; selected?: unknown }
  const parsed = parseLessonDraft(draft)
  if (!parsed.ok) return { problem: `${placeInDraft(parsed.problem.path)}: ${parsed.problem.message}` }
  const steps = parsed.lesson.steps.length
  return { draft: parsed.lesson, selected: Number.isInteger(selected) ? Math.min(Math.max(selected as number, -1), steps - 1) : -1 }
}

/** Says that the kept draft was damaged and has been dropped (the canvas, autosaved apart, is untouched). */
function dropDraft(problem: string): void {
  try {
    kept().remove()
  } catch {
    // Storage disabled: there is nothing kept to drop.
  }
  const recovered = useUi.getState().notice
  const text = `The lesson you were writing could not be opened again: the copy kept in this browser is damaged (${problem}), so it was dropped. The canvas is as you left it.`
  useUi.getState().notify({ kind: 'error', text: recovered ? `${recovered.text} ${text}` : text, ...(recovered?.action ? { action: recovered.action } : {}) })
}

/**
 * Opens teacher mode again on the kept draft, on the recovered canvas (or the step's network when
 * there is none); after the tab moved to other work ("Open it"), teacher mode closes when that
 * work has no draft.
 */
export function reopenDraft(): void {
  const found = keptDraft()
  if (!found) {
    if (useTeacher.getState().active) useTeacher.getState().close()
    return
  }
  if ('problem' in found) return dropDraft(found.problem)
  useTeacher.setState({ active: true, draft: found.draft, selected: found.selected, problems: [] })
  if (useDocument.getState().project.nodes.length === 0 && found.selected >= 0) useTeacher.getState().select(found.selected)
  const recovered = useUi.getState().notice
  const title = found.draft.title.trim() || 'Untitled lesson'
  useUi.getState().notify({ ...recovered, kind: 'info', text: `${recovered ? `${recovered.text} ` : ''}The lesson you were writing, “${title}”, is open again in teacher mode.` })
}

/** At start-up, after the autosave hook: reopens a kept draft, then keeps the one being written. */
export function useTeacherDraftResume(): void {
  useEffect(() => {
    reopenDraft()
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = useTeacher.subscribe((s, prev) => {
      if (s.active === prev.active && s.draft === prev.draft && s.selected === prev.selected) return
      clearTimeout(timer)
      timer = setTimeout(keepDraftNow, DELAY_MS)
    })
    const now = () => {
      clearTimeout(timer)
      keepDraftNow()
    }
    window.addEventListener('pagehide', now)
    return () => {
      stop()
      clearTimeout(timer)
      window.removeEventListener('pagehide', now)
    }
  }, [])
}
