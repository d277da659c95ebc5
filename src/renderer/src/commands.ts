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
import { useUi } from './store/uiStore'
import { requestTrain, hasTrainListeners } from './store/trainRequest'

const doc = () => useDocument.getState()
const ui = () => useUi.getState()

function confirmDiscard(): boolean {
  return !selectDirty(doc()) || window.confirm('Discard the unsaved changes to this network?')
}

export function newProject(): void {
  if (!confirmDiscard()) return
  forgetFileHandle()
  doc().load(createEmptyProject())
  ui().select([])
  ui().setCardOpen(false)
}

export function openExample(id: string): void {
  const project = exampleProject(id)
  if (!project || !confirmDiscard()) return
  forgetFileHandle()
  doc().load(wrapIfLong(project), { exampleId: id })
  ui().select([])
  ui().setGalleryOpen(false)
  ui().setCardOpen(true)
  ui().setCardFolded(false)
  ui().notify(null)
}

/**
 * The example laid out in two rows when its one row would not fit the canvas at a readable
 * zoom (a 7-node chain beside the training panel at 1280 px); else as the file has it.
 */
function wrapIfLong(project: Project): Project {
  const perRow = tidyPerRow(project.nodes.length)
  return perRow < project.nodes.length ? layoutLinear(project, compileGraph(project).chain, perRow) : project
}

/** Lays the network out in a row, or in two where one would be too small to read. */
export function tidy(): void {
  doc().autoLayout(tidyPerRow(doc().project.nodes.length))
}

/** Opens project text (from a file input, a drop or the desktop shell). */
export function openText(text: string, fileName: string): boolean {
  const parsed = openProjectText(text)
  if (!parsed.ok) {
    ui().notify({ kind: 'error', text: `${fileName} could not be opened: ${parsed.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('; ')}` })
    return false
  }
  forgetFileHandle()
  doc().load(parsed.project, { fileName })
  ui().select([])
  ui().setCardOpen(Boolean(parsed.project.meta.description))
  ui().notify({ kind: 'info', text: `Opened ${fileName}.` })
  return true
}

/** Opens a project file (after asking to discard unsaved edits); true when it opened. */
export async function openFile(file: File): Promise<boolean> {
  if (!confirmDiscard()) return false
  return openText(await file.text(), file.name)
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
    ui().notify({ kind: 'error', text: `Could not save: ${(error as Error).message}` })
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

export function train(): void {
  const { compiled, project } = doc()
  if (!compiled.spec) return
  ui().setSideTab('training')
  // The pause, step and reset controls live in the panel: show it if it was folded away.
  if (!ui().sidePanelOpen) ui().setSidePanelOpen(true)
  if (!hasTrainListeners()) ui().notify({ kind: 'info', text: 'The network compiles. Training views arrive with the training panel.' })
  requestTrain({ spec: compiled.spec, project })
}
