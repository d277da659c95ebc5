/**
 * The designer's commands, shared by the toolbar, the keyboard shortcuts and (later) the
 * desktop menus. Each works on the stores; none needs React.
 */
import { compileGraph, type Project } from '../../engine/project'
import { tidyPerRow } from './canvas/fit'
import { layoutLinear } from './graph/edit'
import { exampleProject } from './graph/examples'
import { createEmptyProject } from './graph/newProject'
import { forgetFileHandle, openProjectText, saveProjectFile } from './files/projectFiles'
import { selectDirty, useDocument } from './store/documentStore'
import { selectSidePanelShown, useUi } from './store/uiStore'
import { trainingControls } from './training/trainingStore'
import { runProgressAtRisk } from './experiments/runRecorder'
import { sweepProgressText } from './experiments/sweepRunner'
import { leaveQuestion, type LeaveLosses } from './leaveQuestion'
import { failedBecause, fileProblemsText } from './sentence'

const doc = () => useDocument.getState()
const ui = () => useUi.getState()

/**
 * Before another document replaces this one: asks when that loses unsaved changes, a
 * training run's progress or a sweep under way (both are stopped either way), naming what opens
 * when the user did not pick it here (`opening`: a share link); true when it may go ahead.
 * `dirty`: whether there are unsaved changes, where the caller knows better than the document.
 */
export function confirmLeave(opening?: LeaveLosses['opening'], dirty = selectDirty(doc())): boolean {
  const question = leaveQuestion({ dirty, run: runProgressAtRisk(), sweep: sweepProgressText(), opening })
  return question === null || window.confirm(question)
}

export function newProject(): void {
  if (!confirmLeave()) return
  forgetFileHandle()
  doc().load(createEmptyProject())
  ui().select([])
  ui().setCardOpen(false)
}

export function openExample(id: string): void {
  const project = exampleProject(id)
  if (!project || !confirmLeave()) return
  forgetFileHandle()
  doc().load(wrapIfLong(project), { exampleId: id })
  ui().select([])
  ui().setGalleryOpen(false)
  ui().setCardOpen(true)
  ui().setCardFolded(false)
  ui().notify(null)
}

/**
 * The network laid out in two rows when its one row would not fit the canvas at a readable
 * zoom (a 7-node chain beside the training panel at 1280 px); else as the file has it.
 */
export function wrapIfLong(project: Project): Project {
  const perRow = tidyPerRow(project.nodes.length)
  return perRow < project.nodes.length ? layoutLinear(project, compileGraph(project).chain, perRow) : project
}

/** Lays the network out in a row, or in two where one would be too small to read. */
export function tidy(): void {
  doc().autoLayout(tidyPerRow(doc().project.nodes.length))
  ui().requestFit()
}

/** Fits the network in view. */
export function fitView(): void {
  ui().requestFit()
}

/** Switches between the light and the dark theme. */
export function toggleTheme(): void {
  ui().setTheme(ui().theme === 'dark' ? 'light' : 'dark')
}

/** Opens project text (from a file input, a drop or the desktop shell). */
export function openText(text: string, fileName: string): boolean {
  const parsed = openProjectText(text)
  if (!parsed.ok) {
    ui().notify({ kind: 'error', text: `${fileProblemsText(`${fileName} could not be opened`, parsed.errors)} The canvas is unchanged.` })
    return false
  }
  forgetFileHandle()
  doc().load(parsed.project, { fileName })
  ui().select([])
  ui().setCardOpen(Boolean(parsed.project.meta.description))
  ui().notify({ kind: 'info', text: `Opened ${fileName}.` })
  return true
}

export async function save(saveAs = false): Promise<void> {
  const { project, fileName } = doc()
  try {
    const name = await saveProjectFile(project, fileName, saveAs)
    if (name) {
      doc().markSaved(name)
      ui().notify({ kind: 'info', text: `Saved ${name}.` })
    }
  } catch (error) {
    ui().notify({ kind: 'error', text: failedBecause('Could not save', (error as Error).message) })
  }
}

export function deleteSelection(): void {
  const { selectedNodes, selectedEdges } = ui()
  if (selectedNodes.length === 0 && selectedEdges.length === 0) return
  doc().deleteElements(selectedNodes, selectedEdges)
  ui().select([])
}

export function copySelection(): void {
  doc().copy(ui().selectedNodes)
}

export function paste(): void {
  const ids = doc().paste()
  if (ids.length) ui().select(ids)
}

export function duplicateSelection(): void {
  const ids = doc().duplicate(ui().selectedNodes)
  if (ids.length) ui().select(ids)
}

export function selectAll(): void {
  const p = doc().project
  ui().select(
    p.nodes.map((n) => n.id),
    p.edges.map((e) => e.id),
  )
}

export function undo(): void {
  doc().undo()
  pruneSelection()
}

export function redo(): void {
  doc().redo()
  pruneSelection()
}

/** Drops selected ids that no longer exist (after undo of an add, say). */
function pruneSelection(): void {
  const p = doc().project
  const nodes = new Set(p.nodes.map((n) => n.id))
  const edges = new Set(p.edges.map((e) => e.id))
  const { selectedNodes, selectedEdges } = ui()
  if (selectedNodes.some((id) => !nodes.has(id)) || selectedEdges.some((id) => !edges.has(id))) {
    ui().select(
      selectedNodes.filter((id) => nodes.has(id)),
      selectedEdges.filter((id) => edges.has(id)),
    )
  }
}

/** Showing the training panel (unfolded) on the Training tab. */
function showTrainingPanel(): void {
  ui().setSideTab('training')
  if (!selectSidePanelShown(ui())) ui().setSidePanelOpen(true)
}

/** Train: resume this network's paused run, else train it from the seed (asking before progress is lost). */
export function train(): void {
  if (!doc().compiled.spec) return
  // The pause, step and reset controls live in the panel: show it if it was folded away.
  showTrainingPanel()
  void trainingControls.train()
}

/** Pause the running run (the toolbar's button while training). */
export function pauseTraining(): void {
  void trainingControls.pause()
}
