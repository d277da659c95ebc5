/**
 * A lesson being written in teacher mode survives a reload, as the canvas does: the draft (its
 * title, steps with their recorded networks, text, locks and questions, finished or not) and the
 * step being edited are kept on this machine a moment after every change, and at start-up, after
 * the autosave has recovered the canvas, teacher mode opens again on them. Closing teacher mode
 * forgets the draft, as it always did.
 */
import { useEffect } from 'react'
import type { Lesson } from '../../../engine/lessons'
import { parseProject } from '../../../engine/project'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { useTeacher } from './teacherStore'

const KEY = 'axon.lessons.teacherDraft.v1'
const DELAY_MS = 400

type KeptDraft = { draft: Lesson; selected: number }

function write(): void {
  const { active, draft, selected } = useTeacher.getState()
  try {
    if (active) localStorage.setItem(KEY, JSON.stringify({ draft, selected } satisfies KeptDraft))
    else localStorage.removeItem(KEY)
  } catch {
    // Storage full or disabled: the draft lives for this session only (Save writes the file).
  }
}

/** A recorded network the app can still open (a draft kept by an older version may not be). */
const opens = (project: unknown): boolean => parseProject(JSON.stringify(project)).ok

/** The kept draft when every network in it opens; null when there is none or it is damaged. */
function keptDraft(): KeptDraft | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<KeptDraft> | null
    const draft = kept?.draft
    if (!draft || typeof draft.title !== 'string' || !Array.isArray(draft.steps) || !opens(draft.project)) return null
    if (!draft.steps.every((s) => typeof s === 'object' && s !== null && opens(s.project))) return null
    const selected = Number.isInteger(kept.selected) ? Math.min(Math.max(kept.selected!, -1), draft.steps.length - 1) : -1
    return { draft, selected }
  } catch {
    return null
  }
}

/** Opens teacher mode again on the kept draft, on the recovered canvas (or the step's network when there is none). */
function reopenDraft(): void {
  const kept = keptDraft()
  if (!kept) return localStorage.removeItem(KEY)
  useTeacher.setState({ active: true, draft: kept.draft, selected: kept.selected, problems: [] })
  if (useDocument.getState().project.nodes.length === 0 && kept.selected >= 0) useTeacher.getState().select(kept.selected)
  const recovered = useUi.getState().notice
  const title = kept.draft.title.trim() || 'Untitled lesson'
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
      timer = setTimeout(write, DELAY_MS)
    })
    const now = () => {
      clearTimeout(timer)
      write()
    }
    window.addEventListener('pagehide', now)
    return () => {
      stop()
      clearTimeout(timer)
      window.removeEventListener('pagehide', now)
    }
  }, [])
}
