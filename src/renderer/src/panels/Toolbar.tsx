import { useRef, useState, type ReactNode, type RefObject } from 'react'
import * as cmd from '../commands'
import { selectCanTrain, selectDirty, useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { openModelFile } from './modelImport'
import { openModelDialog, openProjectDialog } from '../files/desktopDocument'
import { openProjectFromDisk } from '../files/projectFilesOpened'
import { TRAIN_LABEL, runStatusOf, useTrainButton, type TrainAction } from '../training/trainButton'
import { useTraining } from '../training/trainingStore'
import { exportOnnxModel, exportPytorchScript } from '../files/exports'
import { ExperimentsDialog } from '../experiments/ExperimentsDialog'
import { ShareButton } from '../share/ShareButton'
import { OpenLinkDialog } from '../share/OpenLinkDialog'
import { ToolbarMenu, type ToolbarMenuItem } from './ToolbarMenu'
import { useToolbarOverflow } from './toolbarOverflow'
import { experimentsUi } from '../experiments/experimentsStore'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const mod = isMac ? '⌘' : 'Ctrl+'

const TRAIN_TITLE: Record<TrainAction, string> = {
  train: 'Train this network from its initial weights',
  pause: 'Pause training (Resume goes on from here)',
  resume: 'Go on training from where the run paused',
}

/** The header: file commands, editing, view, theme and the Train button. */
export function Toolbar() {
  const bar = useRef<HTMLElement>(null)
  const overflowMenu = useRef<HTMLDivElement>(null)
  const more = useMoreCommands()
  const overflowed = useToolbarOverflow(bar, overflowMenu)
  return (
    <header className="app-header toolbar" data-testid="toolbar" ref={bar}>
      <span className="app-title">Axon Studio</span>
      <DocTitle />
      <FileCommands more={more.items} />
      {more.elements}
      <EditCommands />
      <div className="toolbar-overflow" ref={overflowMenu} data-overflowed="">
        <ToolbarMenu label="⋯" testId="cmd-overflow" title="The commands the toolbar has no room for" items={overflowItems(bar, overflowed, more.items)} />
      </div>
      <TrainCommand />
    </header>
  )
}

/**
 * The ⋯ menu's commands, the most needed (the last to go) first: those moved out of the toolbar
 * (each runs its hidden button, which keeps its own dialog), More ▾'s own when it went too. Their
 * test ids are the commands' with 'overflow-'.
 */
function overflowItems(bar: RefObject<HTMLElement | null>, ids: string[], moreItems: ToolbarMenuItem[]): ToolbarMenuItem[] {
  return [...ids].reverse().flatMap((id, i): ToolbarMenuItem[] => {
    if (id === 'cmd-more') return moreItems.map((item, j) => ({ ...item, testId: `overflow-${item.testId}`, group: j === 0 && i > 0 }))
    const button = bar.current?.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)
    if (!button) return []
    const label = button.getAttribute('aria-label') ?? button.textContent ?? id
    return [{ testId: `overflow-${id}`, label, title: button.title, run: () => button.click() }]
  })
}

/** More ▾'s commands (Open model, Save as, the exports, Open link), and the file picker and dialog they open. */
function useMoreCommands(): { items: ToolbarMenuItem[]; elements: ReactNode } {
  const modelInput = useRef<HTMLInputElement>(null)
  const [linkOpen, setLinkOpen] = useState(false)
  const items: ToolbarMenuItem[] = [
    { testId: 'cmd-open-model', label: 'Open model…', title: 'Open a trained model (model JSON): a model of this network joins its runs; any other opens as a network of its own, its weights hand-set', run: () => void openModelDialog(() => modelInput.current?.click()) },
    { testId: 'cmd-save-as', label: 'Save as…', shortcut: `${mod}Shift+S`, title: 'Save under another name', run: () => void cmd.save(true) },
    { testId: 'cmd-export-pytorch', label: 'Export PyTorch script…', title: 'A Python script that trains this network with PyTorch as the app does (one CPU, or torchrun on several)', run: () => void exportPytorchScript(), group: true },
    { testId: 'cmd-export-onnx', label: 'Export ONNX model…', title: "The trained network's inference graph for ONNX runtimes (train it first)", run: () => void exportOnnxModel() },
    { testId: 'cmd-open-link', label: 'Open link…', title: 'Open a share link someone sent you (from the browser or the desktop app)', run: () => setLinkOpen(true), group: true },
  ]
  const elements = (
    <>
      <HiddenFileInput input={modelInput} accept=".json,.model.json,application/json" testId="open-model-input" onFile={(file) => void openModelFile(file)} />
      {linkOpen && <OpenLinkDialog onClose={() => setLinkOpen(false)} />}
    </>
  )
  return { items, elements }
}

/** The document's file name (or title) and whether it has unsaved changes. */
function DocTitle() {
  const title = useDocument((s) => s.project.meta.title)
  const fileName = useDocument((s) => s.fileName)
  const dirty = useDocument(selectDirty)
  return (
  <span className="doc-title" data-testid="doc-title" title={fileName ?? 'Not saved yet'}>
    <span className="doc-title-text">{fileName ?? title}</span>
    {dirty && (
      <span className="dirty-marker" data-testid="dirty-marker" title="Unsaved changes">
        ●
      </span>
    )}
  </span>
  )
}

/** A hidden file picker that hands the chosen file to `onFile`. */
function HiddenFileInput({ input, accept, testId, onFile }: { input: RefObject<HTMLInputElement | null>; accept: string; testId: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={input}
      type="file"
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0]
        e.target.value = ''
        if (file) onFile(file)
      }}
    />
  )
}

/**
 * New, Open, Save, Share, Examples and Experiments, and the rarer file commands in More ▾: Open
 * model, Save as (Ctrl+Shift+S), Export (PyTorch, ONNX) and Open link.
 */
function FileCommands({ more }: { more: ToolbarMenuItem[] }) {
  const fileInput = useRef<HTMLInputElement>(null)
  return (
  <nav className="toolbar-group" aria-label="File">
    <button type="button" data-testid="cmd-new" onClick={cmd.newProject} title={`New network (${mod}Alt+N)`}>
      New
    </button>
    <button type="button" data-testid="cmd-open" onClick={() => void openProjectDialog(() => fileInput.current?.click())} title={`Open a .axon.json file (${mod}O)`}>
      Open…
    </button>
    <HiddenFileInput input={fileInput} accept=".json,.axon.json,application/json" testId="open-file-input" onFile={(file) => void openProjectFromDisk(file)} />
    <button type="button" data-testid="cmd-save" onClick={() => void cmd.save(false)} title={`Save (${mod}S)`}>
      Save
    </button>
    <ToolbarMenu label="More" testId="cmd-more" title="Open a trained model, save as, export to PyTorch or ONNX, open a share link" items={more} />
    <ShareButton />
    <button type="button" data-testid="cmd-examples" onClick={() => useUi.getState().setGalleryOpen(true)} title="Open an example from the lectures">
      Examples
    </button>
    <button type="button" data-testid="cmd-experiments" onClick={() => experimentsUi.show()} title="Experiments: gradient descent on a function you type, optimizers side by side on error surfaces">
      Experiments
    </button>
    <ExperimentsDialog />
  </nav>
  )
}

/** Undo, Redo, Tidy, Fit, theme, Present and the shortcut sheet. */
function EditCommands() {
  const canUndo = useDocument((s) => s.history.past.length > 0)
  const canRedo = useDocument((s) => s.history.future.length > 0)
  const theme = useUi((s) => s.theme)
  return (
  <nav className="toolbar-group" aria-label="Edit">
    <button type="button" data-testid="cmd-undo" onClick={cmd.undo} disabled={!canUndo} title={`Undo (${mod}Z)`} aria-label="Undo">
      ↶
    </button>
    <button type="button" data-testid="cmd-redo" onClick={cmd.redo} disabled={!canRedo} title={`Redo (${mod}Shift+Z)`} aria-label="Redo">
      ↷
    </button>
    <button type="button" data-testid="cmd-layout" onClick={cmd.tidy} title="Lay the network out in a row, or two when one would be too small to read (L)">
      Tidy
    </button>
    <button type="button" data-testid="cmd-fit" onClick={cmd.fitView} title="Fit the network in view (F)">
      Fit
    </button>
    <button type="button" data-testid="cmd-theme" onClick={cmd.toggleTheme} title="Switch between light and dark" aria-label="Toggle theme">
      {theme === 'dark' ? '☀' : '☾'}
    </button>
    <button type="button" data-testid="cmd-present" onClick={() => useUi.getState().setPresenting(!useUi.getState().presenting)} title="Presentation mode: the canvas beside large live views, no palette or inspector (P)">
      Present
    </button>
    <button type="button" data-testid="cmd-shortcuts" onClick={() => useUi.getState().setShortcutsOpen(true)} title="Keyboard shortcuts (? or F1)" aria-label="Keyboard shortcuts">
      ?
    </button>
  </nav>
  )
}

/** The Train / Pause / Resume button and what the run is doing. */
function TrainCommand() {
  const canTrain = useDocument(selectCanTrain)
  const train = useTrainButton()
  const runStatus = useTraining(runStatusOf)
  const errorCount = useDocument((s) => s.compiled.diagnostics.filter((d) => d.severity === 'error').length)
  return (
  <div className="toolbar-train" id="toolbar-train-slot">
    {runStatus && (
      <span className="muted toolbar-run-status" data-testid="toolbar-run-status" aria-live="polite" title={runStatus}>
        {runStatus}
      </span>
    )}
    <button
      type="button"
      className="train-button"
      data-testid="train-button"
      data-action={train.action}
      disabled={train.disabled}
      aria-disabled={train.busy || undefined}
      onClick={train.busy ? undefined : train.action === 'pause' ? cmd.pauseTraining : cmd.train}
      title={canTrain || train.action === 'pause' ? TRAIN_TITLE[train.action] : `Fix ${errorCount} problem${errorCount === 1 ? '' : 's'} first (see the badges on the canvas)`}
    >
      {TRAIN_LABEL[train.action]}
    </button>
  </div>
  )
}
