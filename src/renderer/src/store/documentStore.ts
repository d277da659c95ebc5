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
import type { Clipboard } from '../graph/edit'
import { createEmptyProject } from '../graph/newProject'
import { createHistory, historyMap, historyRecord, historyRedo, historyUndo, type History } from './history'
import { editActions, type EditContext } from './documentEdits'
import type { Sweep, SweepDraftAxis } from '../../../engine/experiments/sweep'

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

  /**
   * Replace the whole document (new, open, example, recovery). Clears undo, unless `history`
   * (whose present is `project`) and `savedProject` put a document back as it was (Back after a share link).
   */
  load(project: Project, options?: { fileName?: string | null; exampleId?: string | null; dirty?: boolean; history?: History<Project>; savedProject?: Project }): void
  markSaved(fileName: string | null): void
  setDataShape(shape: DataShape | undefined): void
  /** Replace the project's data (a recorded, undoable edit). */
  setData(data: Project['data']): void
  setMeta(meta: Partial<Project['meta']>): void
  /** Replace the project's experiments (sweeps and their results); saved with the project. */
  setExperiments(experiments: Project['experiments']): void
  /**
   * Replace the run history. Not an edit of the network: undo and redo keep it (every step of
   * the undo history gets it), and nothing is recompiled.
   */
  setRuns(runs: Project['runs']): void
  /**
   * Put a sweep's results as they grow (replacing the sweep with its id, else appended). Results,
   * like runs, are not edits: every step of the undo history gets them, so undo mid-sweep takes
   * back the user's last edit rather than the sweep's newest run.
   */
  recordSweep(sweep: Sweep): void
  /** Keep the sweep form as typed (saved with the project); like results, not an edit of the network. */
  setSweepDraft(draft: SweepDraftAxis[]): void
  /** Put a network back on the canvas (a run's graph, seed, precision, data and trained values): one undo step. */
  restoreNetwork(network: Pick<Project, 'seed' | 'precision' | 'data' | 'nodes' | 'edges'>): void

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
  /** The next edit is an undo step of its own, whatever its tag (a run started since the last one). */
  sealHistory(): void
  setLabel(nodeId: string, label: string, tag?: string): void
  copy(nodeIds: readonly string[]): void
  /** Pastes the clipboard; returns the new node ids. */
  paste(offset?: Position): string[]
  duplicate(nodeIds: readonly string[]): string[]
  /** Lays the chain out in a row (or rows of `perRow`, see `layoutLinear`). */
  autoLayout(perRow?: number): void
  undo(): void
  redo(): void
  /**
   * Every later edit passes through `guard(before, after)`, which returns what may be kept
   * (`before` to refuse it): a lesson step's locks. null removes it.
   */
  setEditGuard(guard: EditGuard | null): void
}

/** What an edit may change: returns `after` with forbidden changes put back, or `before`. */
export type EditGuard = (before: Project, after: Project) => Project

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
  let guard: EditGuard | null = null
  const allowed = (next: Project): Project => (guard ? guard(get().project, next) : next)
  const edit = (next: Project, tag: string | null = null): void => {
    const kept = allowed(next)
    if (kept !== get().project) apply(historyRecord(get().history, kept, tag))
  }
  const move: EditContext['move'] = { base: null }
  /** Changes every step of the undo history alike (what is not an edit: runs, sweep results); nothing is recompiled. */
  const inEveryStep = (change: (p: Project) => Project): void => {
    const history = historyMap(get().history, change)
    if (move.base) move.base = change(move.base)
    set({ history, project: history.present })
  }

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
      move.base = null
      set({
        history: options.history?.present === project ? options.history : createHistory(project),
        ...derive(project, get().dataShape),
        fileName: options.fileName ?? null,
        exampleId: options.exampleId ?? null,
        savedProject: options.savedProject ?? (options.dirty ? createEmptyProject() : project),
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
    setRuns: (runs) => inEveryStep((p) => ({ ...p, runs })),
    recordSweep: (sweep) => inEveryStep((p) => withSweep(p, sweep)),
    setSweepDraft: (draft) => inEveryStep((p) => ({ ...p, experiments: { sweeps: p.experiments?.sweeps ?? [], ...p.experiments, draft } })),
    restoreNetwork(network) {
      edit({ ...get().project, ...network })
    },
    setMeta(meta) {
      const project = get().project
      edit({ ...project, meta: { ...project.meta, ...meta } }, `meta:${Object.keys(meta).join(',')}`)
    },

    ...editActions({ get, set, edit, apply, move, allowed }),
    undo() {
      move.base = null
      apply(historyUndo(get().history))
    },
    redo() {
      move.base = null
      apply(historyRedo(get().history))
    },
    setEditGuard(next) {
      guard = next
    },
  }
})

/** `project` with `sweep` in its experiments: in place of the one with its id, else appended. */
function withSweep(project: Project, sweep: Sweep): Project {
  const sweeps = project.experiments?.sweeps ?? []
  const next = sweeps.some((s) => s.id === sweep.id) ? sweeps.map((s) => (s.id === sweep.id ? sweep : s)) : [...sweeps, sweep]
  return { ...project, experiments: { ...project.experiments, sweeps: next } }
}

/** True when the graph compiles (the Train button's enabled state). */
export const selectCanTrain = (s: DocumentState): boolean => s.compiled.spec !== null
/** True when there are unsaved changes. */
export const selectDirty = (s: DocumentState): boolean => s.project !== s.savedProject
