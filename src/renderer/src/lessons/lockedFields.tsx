/**
 * How the inspector shows a lesson step's locks: a note on a locked node, and locked settings
 * disabled (the document store refuses their edits anyway, whatever the way in).
 */
import type { ReactNode } from 'react'
import { isLocked, type Lock } from '../../../engine/lessons'
import { selectLock, useLesson } from './lessonStore'

/** The field as it is, or disabled when the lesson step locks it. */
export function lockedField(lock: Lock, nodeId: string, key: string, field: ReactNode): ReactNode {
  if (!field || !isLocked(lock, nodeId, key)) return field
  return (
    <fieldset key={key} className="field-locked" disabled title="Locked by the lesson">
      {field}
    </fieldset>
  )
}

/**
 * A padlock drawn in the text's colour. The padlock emoji (U+1F512) it replaces was an empty box
 * where no emoji font is installed: a bare Debian running the AppImage in a classroom.
 */
function LockIcon() {
  return (
    <svg className="lock-icon" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
      <path d="M2.5 5.5V3.5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="0.5" y="5.5" width="9" height="6" rx="1.2" fill="currentColor" />
    </svg>
  )
}

/** Says so when the lesson step locks the whole node. */
export function LessonLockNote({ nodeId }: { nodeId: string }) {
  const locked = useLesson((s) => isLocked(selectLock(s), nodeId))
  if (!locked) return null
  return (
    <p className="inspector-locked" data-testid="inspector-locked">
      <LockIcon /> The lesson locks this node: its settings cannot change in this step.
    </p>
  )
}
