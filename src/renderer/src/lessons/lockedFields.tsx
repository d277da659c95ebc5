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

/** Says so when the lesson step locks the whole node. */
export function LessonLockNote({ nodeId }: { nodeId: string }) {
  const locked = useLesson((s) => isLocked(selectLock(s), nodeId))
  if (!locked) return null
  return (
    <p className="inspector-locked" data-testid="inspector-locked">
      🔒 The lesson locks this node: its settings cannot change in this step.
    </p>
  )
}
