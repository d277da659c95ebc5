/**
 * The document store's graph edits: add, append, move, delete, connect, parameters, labels,
 * copy and paste, layout. Each is one recorded (undoable) edit, except a drag, which is one
 * step from `beginMove` to `endMove`.
 */
import type { Position, Project } from '../../../engine/project'
import {
  addNode,
  connectNodes,
  copyElements,
  deleteElements,
  layoutLinear,
  LAYOUT_DX,
  LAYOUT_DY,
  moveNodes,
  nextFreePosition,
  pasteClipboard,
  setNodeLabel,
  updateParams,
} from '../graph/edit'
import { historyCommitFrom, historyReplace, historySeal, type History } from './history'
import type { DocumentState } from './documentStore'

/** What the edits need of the store. */
export interface EditContext {
  get: () => DocumentState
  set: (patch: Partial<DocumentState>) => void
  /** Records `next` as one undo step (edits with the same `tag` in a row merge). */
  edit: (next: Project, tag?: string | null) => void
  /** Applies a new history. */
  apply: (history: History<Project>) => void
  /** The project as it was when the drag under way began (null: no drag). */
  move: { base: Project | null }
  /** What of an edit the edit guard (a lesson's locks) keeps: `next`, or less, or the project as it is. */
  allowed: (next: Project) => Project
}

/** A spot right of `at`, moved down past nodes already there. */
function freeSpotRightOf(project: Project, at: Position): Position {
  let position = { x: at.x + LAYOUT_DX, y: at.y }
  while (project.nodes.some((n) => Math.abs(n.position.x - position.x) < 60 && Math.abs(n.position.y - position.y) < 60)) position = { x: position.x, y: position.y + LAYOUT_DY }
  return position
}

type EditActions = Pick<
  DocumentState,
  'addNode' | 'appendNode' | 'beginMove' | 'moveNodesLive' | 'endMove' | 'deleteElements' | 'connect' | 'updateParams' | 'sealHistory' | 'setLabel' | 'copy' | 'paste' | 'duplicate' | 'autoLayout'
>

export function editActions({ get, set, edit, apply, move, allowed }: EditContext): EditActions {
  return {
  addNode(kind, position, preset) {
    const project = get().project
    const result = addNode(project, kind, position ?? nextFreePosition(project))
    edit(preset ? updateParams(result.project, result.id, preset) : result.project)
    return result.id
  },
  appendNode(kind, afterId, preset) {
    const project = get().project
    const after = afterId ? project.nodes.find((n) => n.id === afterId) : undefined
    const added = addNode(project, kind, after ? freeSpotRightOf(project, after.position) : nextFreePosition(project))
    let next = preset ? updateParams(added.project, added.id, preset) : added.project
    if (after) {
      const wired = connectNodes(next, after.id, added.id)
      if ('project' in wired) next = wired.project
    }
    edit(next)
    return added.id
  },
  beginMove() {
    move.base = get().project
  },
  moveNodesLive(moves) {
    const history = get().history
    const next = allowed(moveNodes(history.present, moves))
    if (next === history.present) return
    if (move.base) apply(historyReplace(history, next))
    else edit(next) // a move that did not start with beginMove (e.g. keyboard): one step
  },
  endMove() {
    if (move.base) apply(historyCommitFrom(get().history, move.base))
    move.base = null
  },
  deleteElements(nodeIds, edgeIds) {
    edit(deleteElements(get().project, nodeIds, edgeIds))
  },
  connect(source, target) {
    const result = connectNodes(get().project, source, target)
    if ('problem' in result) return result
    edit(result.project)
    return { id: result.id }
  },
  updateParams(nodeId, patch, tag) {
    edit(updateParams(get().project, nodeId, patch), tag ?? null)
  },
  sealHistory() {
    // The project stays: nothing to recompile.
    const history = historySeal(get().history)
    if (history !== get().history) set({ history })
  },
  setLabel(nodeId, label, tag) {
    edit(setNodeLabel(get().project, nodeId, label), tag ?? null)
  },
  copy(nodeIds) {
    if (nodeIds.length > 0) set({ clipboard: copyElements(get().project, nodeIds), pasteCount: 0 })
  },
  paste(offset) {
    const clip = get().clipboard
    if (!clip) return []
    const n = get().pasteCount + 1
    const result = pasteClipboard(get().project, clip, offset ?? { x: 40 * n, y: 40 * n })
    set({ pasteCount: n })
    edit(result.project)
    return result.ids
  },
  duplicate(nodeIds) {
    const project = get().project
    const result = pasteClipboard(project, copyElements(project, nodeIds))
    edit(result.project)
    return result.ids
  },
  autoLayout(perRow) {
    edit(layoutLinear(get().project, get().compiled.chain, perRow))
  },
  }
}
