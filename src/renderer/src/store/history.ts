/**
 * Undo history of immutable snapshots: `past` (oldest first), `present`, `future` (next redo
 * first). Every edit records the snapshot before it; a run of edits with the same `tag` (typing
 * into one field) is one step, so undo takes back the whole word, not one character.
 */
export interface History<T> {
  past: T[]
  present: T
  future: T[]
  /** Tag of the last recorded edit, for coalescing. */
  lastTag: string | null
}

/** How many steps undo remembers. */
export const HISTORY_LIMIT = 200

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastTag: null }
}

/** Records `next` as a new step (or folds it into the last step when `tag` repeats). */
export function historyRecord<T>(h: History<T>, next: T, tag: string | null = null): History<T> {
  if (next === h.present) return h
  if (tag !== null && tag === h.lastTag && h.future.length === 0) return { ...h, present: next }
  const past = [...h.past, h.present].slice(-HISTORY_LIMIT)
  return { past, present: next, future: [], lastTag: tag }
}

/** Ends a run of same-tag edits: the next edit is a step of its own even with the same tag. */
export function historySeal<T>(h: History<T>): History<T> {
  return h.lastTag === null ? h : { ...h, lastTag: null }
}

/** Replaces the present without a new step (live dragging); `historyCommitFrom` ends it. */
export function historyReplace<T>(h: History<T>, next: T): History<T> {
  return { ...h, present: next }
}

/** Ends a gesture that began at `base`: one undo step from `base` to the present. */
export function historyCommitFrom<T>(h: History<T>, base: T): History<T> {
  if (base === h.present) return h
  return { past: [...h.past, base].slice(-HISTORY_LIMIT), present: h.present, future: [], lastTag: null }
}

export function historyUndo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future], lastTag: null }
}

export function historyRedo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1), lastTag: null }
}

export type HistoryMove = 'undo' | 'redo' | 'edit'

/** What took the history from `before` to `now`: an undo, a redo, or else an edit (which drops the redo steps). */
export function historyMove<T>(before: History<T>, now: History<T>): HistoryMove {
  if (before.past.length > 0 && now.present === before.past[before.past.length - 1]) return 'undo'
  if (before.future.length > 0 && now.present === before.future[0]) return 'redo'
  return 'edit'
}

/** Every step changed alike (past, present and future), the steps themselves kept. */
export function historyMap<T>(h: History<T>, change: (step: T) => T): History<T> {
  return { ...h, past: h.past.map(change), present: change(h.present), future: h.future.map(change) }
}
