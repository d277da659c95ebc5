/**
 * The document store: the project being edited (what gets saved), its undo history, where it
 * came from (file name, saved state) and what the compiler says about it. Every edit goes
 * through an action here, so every edit can be undone.
 *
 * Others read it with narrow selectors, e.g.
 *   const compiled = useDocument((s) => s.compiled)      // { spec, diagnostics, chain }
 *   const project = useDocument((s) => s.project)
 * and outside React with `useDocument.getState()`.
 */
import { create } from 'zustand'
import { compileGraph, type CompileResult, type DataShape, type Diagnostic, type NodeKind, type Position, type Project } from '../../../engine/project'
import { graphShapes, type GraphShapes } from '../graph/shapes'
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
  type Clipboard,
} from '../graph/edit'
import { createEmptyProject } from '../graph/newProject'
import { createHistory, historyCommitFrom, historyRecord, historyRedo, historyReplace, historyUndo, type History } from './history'

/** Diagnostics grouped by where they are pinned. */
export interface PinnedDiagnostics {
  byNode: Record<string, Diagnostic[]>
  byEdge: Record<string, Diagnostic[]>
  /** Problems of the whole project (missing loss, data shape …). */
  general: Diagnostic[]
}

export interface DocumentState {
  history: History<Project>
  /** The project as it is now (= history.present). */
  project: Project
  /** `compileGraph(project, { dataShape })`, recomputed on every edit. */
  compiled: CompileResult
  pinned: PinnedDiagnostics
  shapes: GraphShapes
  /** Shape of data loaded from files or built-ins (inline data is measured directly). */
  dataShape: DataShape | undefined
  /** Name of the file the project was opened from or saved to, if any. */
  fileName: string | null
  /** The project as last saved or opened: `project !== savedProject` means unsaved changes. */
  savedProject: Project
  /** Id of the gallery example this project was opened from, if any. */
  exampleId: string | null
  clipboard: Clipboard | null
  /** Pastes since the last copy: each lands a step further down-right. */
  pasteCount: number
  /** Increases on every `load`, so the canvas knows to fit the view. */
  loadSerial: number

  /** Replace the whole document (new, open, example, recovery). Clears undo. */
  load(project: Project, options?: { fileName?: string | null; exampleId?: string | null; dirty?: boolean }): void
  markSaved(fileName: string | null): void
  setDataShape(shape: DataShape | undefined): void
  /** Replace the project's data (a recorded, undoable edit). */
  setData(data: Project['data']): void
  setMeta(meta: Partial<Project['meta']>): void
  /** Replace the project's experiments (sweeps and their results); saved with the project. */
  setExperiments(experiments: Project['experiments']): void

  /** Adds a node with default parameters (merged with `preset`); returns its id. */
  addNode(kind: NodeKind, position?: Position, preset?: Record<string, unknown>): string
  /**
   * Click-to-add: adds a node right of `afterId` and wires `afterId` → it when that link is
   * allowed (one undo step), so the keyboard alone can build a chain. Returns the new id.
   */
  appendNode(kind: NodeKind, afterId: string | null, preset?: Record<string, unknown>): string
  /** Live move while dragging (not recorded); `endMove` records the whole drag as one step. */
  moveNodesLive(moves: Record<string, Position>): void
  beginMove(): void
  endMove(): void
  deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void
  /** Returns the new edge id, or the reason the connection is refused. */
  connect(source: string, target: string): { id: string } | { problem: string }
  /** Sets parameters; edits with the same `tag` in a row are one undo step. */
  updateParams(nodeId: string, patch: Record<string, unknown>, tag?: string): void
  setLabel(nodeId: string, label: string, tag?: string): void
  copy(nodeIds: readonly string[]): void
  /** Pastes the clipboard; returns the new node ids. */
  paste(offset?: Position): string[]
  duplicate(nodeIds: readonly string[]): string[]
  /** Lays the chain out in a row (or rows of `perRow`, see `layoutLinear`). */
  autoLayout(perRow?: number): void
  undo(): void
  redo(): void
}

/** Groups diagnostics by node and edge (a diagnostic with both shows on both). */
export function pinDiagnostics(diagnostics: readonly Diagnostic[]): PinnedDiagnostics {
  const pinned: PinnedDiagnostics = { byNode: {}, byEdge: {}, general: [] }
  for (const d of diagnostics) {
    if (d.edgeId) (pinned.byEdge[d.edgeId] ??= []).push(d)
    if (d.nodeId) (pinned.byNode[d.nodeId] ??= []).push(d)
    if (!d.edgeId && !d.nodeId) pinned.general.push(d)
  }
  return pinned
}

function derive(project: Project, dataShape: DataShape | undefined): Pick<DocumentState, 'project' | 'compiled' | 'pinned' | 'shapes'> {
  const compiled = compileGraph(project, { dataShape })
  return { project, compiled, pinned: pinDiagnostics(compiled.diagnostics), shapes: graphShapes(project, dataShape) }
}

export const useDocument = create<DocumentState>()((set, get) => {
  /** Applies a new history and recomputes what depends on the project. */
  const apply = (history: History<Project>): void => {
    if (history === get().history) return
    set({ history, ...derive(history.present, get().dataShape) })
  }
  const edit = (next: Project, tag: string | null = null): void => apply(historyRecord(get().history, next, tag))
  let moveBase: Project | null = null

  const initial = createEmptyProject()
  return {
    history: createHistory(initial),
    ...derive(initial, undefined),
    dataShape: undefined,
    fileName: null,
    savedProject: initial,
    exampleId: null,
    clipboard: null,
    pasteCount: 0,
    loadSerial: 0,

    load(project, options = {}) {
      moveBase = null
      set({
        history: createHistory(project),
        ...derive(project, get().dataShape),
        fileName: options.fileName ?? null,
        exampleId: options.exampleId ?? null,
        savedProject: options.dirty ? createEmptyProject() : project,
        loadSerial: get().loadSerial + 1,
      })
    },
    markSaved(fileName) {
      set({ savedProject: get().project, fileName })
    },
    setDataShape(dataShape) {
      set({ dataShape, ...derive(get().project, dataShape) })
    },
    setData(data) {
      edit({ ...get().project, data })
    },
    setExperiments(experiments) {
      edit({ ...get().project, experiments }, 'experiments')
    },
    setMeta(meta) {
      const project = get().project
      edit({ ...project, meta: { ...project.meta, ...meta } }, `meta:${Object.keys(meta).join(',')}`)
    },

    addNode(kind, position, preset) {
      const project = get().project
      const result = addNode(project, kind, position ?? nextFreePosition(project))
      edit(preset ? updateParams(result.project, result.id, preset) : result.project)
      return result.id
    },
    appendNode(kind, afterId, preset) {
      const project = get().project
      const after = afterId ? project.nodes.find((n) => n.id === afterId) : undefined
      let position = nextFreePosition(project)
      if (after) {
        position = { x: after.position.x + LAYOUT_DX, y: after.position.y }
        while (project.nodes.some((n) => Math.abs(n.position.x - position.x) < 60 && Math.abs(n.position.y - position.y) < 60)) position = { x: position.x, y: position.y + LAYOUT_DY }
      }
      const added = addNode(project, kind, position)
      let next = preset ? updateParams(added.project, added.id, preset) : added.project
      if (after) {
        const wired = connectNodes(next, after.id, added.id)
        if ('project' in wired) next = wired.project
      }
      edit(next)
      return added.id
    },
    beginMove() {
      moveBase = get().project
    },
    moveNodesLive(moves) {
      const history = get().history
      const next = moveNodes(history.present, moves)
      if (moveBase) apply(historyReplace(history, next))
      else edit(next) // a move that did not start with beginMove (e.g. keyboard): one step
    },
    endMove() {
      if (moveBase) apply(historyCommitFrom(get().history, moveBase))
      moveBase = null
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
    undo() {
      moveBase = null
      apply(historyUndo(get().history))
    },
    redo() {
      moveBase = null
      apply(historyRedo(get().history))
    },
  }
})

/** True when the graph compiles (the Train button's enabled state). */
export const selectCanTrain = (s: DocumentState): boolean => s.compiled.spec !== null
/** True when there are unsaved changes. */
export const selectDirty = (s: DocumentState): boolean => s.project !== s.savedProject
