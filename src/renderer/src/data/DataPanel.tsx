/**
 * The data panel: a button under the Data heading of the palette opens a dialog to bring in
 * data — the user's CSV or IDX files (chosen, or dropped anywhere on the window) or a built-in
 * dataset — preview it, choose targets, inputs, missing values, normalisation and split, and use
 * it for the project. Parsing happens in the engine; this only shows what the engine returns.
 */
import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import {
  closeDataDialog,
  openDataDialog,
  readFailedCsvAsCategorical,
  setDataTab,
  useData,
} from './dataStore'
import { useFields } from '../store/useFields'
import { BuiltinView, DataErrorBox, ImageGridView } from './views'
import { BuiltinPicker, FilePicker } from './DataSources'
import { openGivenFiles } from '../files/projectFilesOpened'
import { CsvPreviewWithRoles, PreviewHeading } from './DataPreview'
import { PrepareControls } from './PrepareControls'
import { AppliedSummary, DataMismatch, InUseLine } from './AppliedSummary'
import './data.css'
import { useDialogFocus } from '../panels/useDialogFocus'

/**
 * Mounted once by the app: the dialog and the window-wide file drop. The "Data…" button is
 * rendered by the palette's data summary (`DataOpenButton`), wherever the palette is mounted:
 * in its own column, or under a lesson or teacher mode.
 */
export function DataPanel() {
  useWindowFileDrop()
  return createPortal(<DataDialog />, document.body)
}

/** The palette's "Data…" button, and what it says about the data in use. */
export function DataOpenButton() {
  const notReopened = useData((s) => s.notReopened)
  return (
    <>
      <button
        type="button"
        className="data-open-button"
        data-testid="data-open"
        onClick={() => openDataDialog()}
        title="Open a CSV or IDX file, or choose a built-in dataset (you can also drop files on the window)"
      >
        Data…
      </button>
      {notReopened && (
        <div className="data-not-reopened warn small" role="status" data-testid="data-not-reopened">
          {notReopened}
        </div>
      )}
      <DataMismatch />
    </>
  )
}

/** Files dropped anywhere on the window open in the data panel; a project file opens on the canvas instead. */
function useWindowFileDrop(): void {
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent) => {
      const files = Array.from(e.dataTransfer?.files ?? [])
      if (files.length === 0) return
      e.preventDefault()
      // Project files open on the canvas (the first; the notice names the rest), the data with them stays out.
      void openGivenFiles(files)
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])
}

function DataDialog() {
  const { dialogOpen: open, busy, problem, preview, tab } = useFields(useData, 'dialogOpen', 'busy', 'problem', 'preview', 'tab')
  const box = useRef<HTMLDivElement>(null)
  useDialogFocus(box, open)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeDataDialog()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  if (!open) return null
  return (
    <div className="modal-backdrop" onClick={closeDataDialog}>
      <div
        ref={box}
        className="data-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Data"
        data-testid="data-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <DataDialogHeader />
        {tab === 'files' ? <FilePicker /> : <BuiltinPicker />}
        {busy && (
          <div className="data-busy" data-testid="data-busy">
            {busy}
          </div>
        )}
        {!preview && !busy && <InUseLine />}
        {problem && <DataErrorBox problem={problem} />}
        {problem?.info.code === 'notANumber' && problem.info.column && problem.stage === 'open' && (
          <button
            type="button"
            data-testid="data-read-categorical"
            onClick={() => void readFailedCsvAsCategorical(problem.info.column!)}
          >
            Read “{problem.info.column}” as categorical
          </button>
        )}
        {preview && (
          <div className="data-body">
            <section className="data-preview" data-testid="data-preview" data-kind={preview.kind}>
              <PreviewHeading />
              {preview.kind === 'csv' && <CsvPreviewWithRoles />}
              {preview.kind === 'idx' && <ImageGridView preview={preview} />}
              {preview.kind === 'builtin' && <BuiltinView preview={preview} />}
            </section>
            <aside className="data-side">
              <PrepareControls />
              <AppliedSummary />
            </aside>
          </div>
        )}
      </div>
    </div>
  )
}

const DATA_TABS = [
  ['files', 'Your files'],
  ['builtin', 'Built-in datasets'],
] as const

/** The dialog's title, its two tabs and the close button. */
function DataDialogHeader() {
  const tab = useData((s) => s.tab)
  return (
    <header className="data-dialog-header">
      <h2>Data</h2>
      <div className="tabs" role="tablist">
        {DATA_TABS.map(([id, title]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            data-testid={`data-tab-${id}`}
            onClick={() => setDataTab(id)}
          >
            {title}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label="Close"
        data-testid="data-close"
        onClick={closeDataDialog}
      >
        ×
      </button>
    </header>
  )
}
