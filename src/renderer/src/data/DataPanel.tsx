/**
 * The data panel: a button under the Data heading of the palette opens a dialog to bring in
 * data — the user's CSV or IDX files (chosen, or dropped anywhere on the window) or a built-in
 * dataset — preview it, choose targets, inputs, missing values, normalisation and split, and use
 * it for the project. Parsing happens in the engine; this only shows what the engine returns.
 */
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useDocument } from '../store/documentStore'
import { BUILTIN_CHOICES, type BuiltinChoiceId } from './builtins'
import {
  applyData,
  closeDataDialog,
  fitNetworkToData,
  openBuiltinData,
  openDataDialog,
  openDataFiles,
  setChoice,
  readFailedCsvAsCategorical,
  rereadCsv,
  setCsvHeader,
  setDataTab,
  useData,
} from './dataStore'
import { CsvReadNotes, TargetClasses, TargetKind } from './CsvControls'
import { BuiltinView, ClassBalance, CsvTableView, DataErrorBox, ImageGridView } from './views'
import './data.css'

/** "1 input", "4 inputs". */
const plural = (n: number, word: string): string =>
  `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`

const FILE_ACCEPT = '.csv,.tsv,.txt,.gz,.idx,.idx1-ubyte,.idx3-ubyte,application/gzip,text/csv'

/** Files in a drop that are data (project files are the designer's). */
function dataFilesOf(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((f) => !/\.json$/i.test(f.name))
}

/**
 * Mounted once by the app: the dialog, the window-wide file drop, and the "Data…" button,
 * placed into the slot the palette's data summary leaves for it (`#data-panel-slot`).
 */
export function DataPanel() {
  useWindowFileDrop()
  const [slot, setSlot] = useState<HTMLElement | null>(null)
  useEffect(() => {
    // The slot is rendered by the palette; look it up again if the palette re-rendered it.
    const found = document.getElementById('data-panel-slot')
    if (found !== slot) setSlot(found)
  }, [slot])
  return (
    <>
      {slot && createPortal(<DataOpenButton />, slot)}
      {createPortal(<DataDialog />, document.body)}
    </>
  )
}

function DataOpenButton() {
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
    </>
  )
}

/** Files dropped anywhere on the window open in the data panel. */
function useWindowFileDrop(): void {
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent) => {
      const files = dataFilesOf(e.dataTransfer?.files)
      if (files.length === 0) return
      e.preventDefault()
      void openDataFiles(files)
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
  const open = useData((s) => s.dialogOpen)
  const tab = useData((s) => s.tab)
  const busy = useData((s) => s.busy)
  const problem = useData((s) => s.problem)
  const preview = useData((s) => s.preview)
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
        className="data-dialog"
        role="dialog"
        aria-label="Data"
        data-testid="data-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="data-dialog-header">
          <h2>Data</h2>
          <div className="tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'files'}
              data-testid="data-tab-files"
              onClick={() => setDataTab('files')}
            >
              Your files
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'builtin'}
              data-testid="data-tab-builtin"
              onClick={() => setDataTab('builtin')}
            >
              Built-in datasets
            </button>
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
        {tab === 'files' ? <FilePicker /> : <BuiltinPicker />}
        {busy && (
          <div className="data-busy" data-testid="data-busy">
            {busy}
          </div>
        )}
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

function FilePicker() {
  const input = useRef<HTMLInputElement>(null)
  return (
    <div
      className="drop-zone"
      data-testid="data-drop-zone"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        // The window listener opens the files; stop the canvas from seeing them too.
        e.preventDefault()
      }}
    >
      <div>
        <strong>Drop a CSV file here</strong>, or an IDX images file with its labels file (
        <code>.gz</code> is fine, add the <code>t10k</code> pair for a test set).
      </div>
      <button
        type="button"
        className="primary"
        data-testid="data-choose"
        onClick={() => input.current?.click()}
      >
        Choose files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={FILE_ACCEPT}
        hidden
        data-testid="data-file-input"
        onChange={(e) => {
          const files = dataFilesOf(e.target.files)
          e.target.value = ''
          void openDataFiles(files)
        }}
      />
      <div className="muted">Files are read, never changed. They stay on this computer.</div>
    </div>
  )
}

function BuiltinPicker() {
  const origin = useData((s) => s.origin)
  const choice = useData((s) => s.choice)
  const current = origin?.kind === 'builtin' ? origin.id : null
  const info = current ? BUILTIN_CHOICES[current] : null
  return (
    <div className="builtin-picker">
      <div className="builtin-list">
        {(Object.keys(BUILTIN_CHOICES) as BuiltinChoiceId[]).map((id) => (
          <button
            key={id}
            type="button"
            className={id === current ? 'selected' : undefined}
            aria-pressed={id === current}
            data-testid={`builtin-${id}`}
            title={BUILTIN_CHOICES[id].description}
            onClick={() => void openBuiltinData(id)}
          >
            {BUILTIN_CHOICES[id].title}
          </button>
        ))}
      </div>
      {info && current && info.kind === 'points2d' && (
        <div className="builtin-options">
          <label>
            Noise <output>{choice.noise.toFixed(2)}</output>
            <input
              type="range"
              min={0}
              max={0.5}
              step={0.01}
              value={choice.noise}
              data-testid="builtin-noise"
              onChange={(e) => {
                setChoice({ noise: Number(e.target.value) })
                void openBuiltinData(current)
              }}
            />
          </label>
          <label>
            Points
            <select
              value={choice.count}
              data-testid="builtin-count"
              onChange={(e) => {
                setChoice({ count: Number(e.target.value) })
                void openBuiltinData(current)
              }}
            >
              {[100, 200, 500, 1000].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          {current === 'clusters' && (
            <label>
              Clusters
              <select
                value={choice.classes}
                data-testid="builtin-classes"
                onChange={(e) => {
                  setChoice({ classes: Number(e.target.value) })
                  void openBuiltinData(current)
                }}
              >
                {[2, 3, 4, 5, 6, 7, 8].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      {info && <p className="muted builtin-description">{info.description}</p>}
    </div>
  )
}

function PreviewHeading() {
  const preview = useData((s) => s.preview)!
  let text: string
  if (preview.kind === 'csv') {
    const sep = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' }[preview.delimiter]
    text = `${preview.name}: ${preview.rowCount.toLocaleString()} rows × ${preview.columns.length} columns, separated by ${sep}${preview.header ? ', with a header row' : ', no header row'}`
  } else if (preview.kind === 'idx') {
    text = `${preview.name}${preview.labelsName ? ` + ${preview.labelsName}` : ''}: ${preview.count.toLocaleString()} examples of ${preview.inputShape.join('×')} ${preview.elementType}${preview.testCount > 0 ? ` · test set ${preview.testCount.toLocaleString()}` : ''}`
  } else {
    text = `${preview.name}: ${preview.count} examples, ${plural(preview.inputSize, 'input')} → ${plural(preview.targetSize, 'target')}`
  }
  return (
    <div className="preview-heading" data-testid="data-preview-heading">
      {text}
    </div>
  )
}

function CsvPreviewWithRoles() {
  const preview = useData((s) => s.preview)
  const targets = useData((s) => s.choice.targets)
  const excluded = useData((s) => s.choice.excluded)
  const categorical = useData((s) => s.choice.categorical)
  const columnTypes = useData((s) => s.choice.columnTypes)
  if (preview?.kind !== 'csv') return null
  return (
    <CsvTableView
      preview={preview}
      targets={targets}
      excluded={excluded}
      categorical={categorical}
      onKind={(name, kind) => {
        const column = preview.columns.find((c) => c.name === name)
        if (column?.kind === 'numeric') {
          // Numbers read as categories: chosen when preparing, no need to read the file again.
          setChoice({
            categorical: kind === 'categorical' ? [...categorical, name] : categorical.filter((c) => c !== name),
            ...(kind === 'numeric' && targets.includes(name) ? { classNames: null } : {}),
          })
        } else void rereadCsv({ columnTypes: { ...columnTypes, [name]: kind } })
      }}
      onRole={(name, role) => {
        const others = targets.filter((t) => t !== name)
        // At least one target: the last one cannot become an input.
        if (role !== 'target' && others.length === 0) return
        setChoice({
          targets: role === 'target' ? [...others, name] : others,
          excluded:
            role === 'unused'
              ? [...excluded.filter((x) => x !== name), name]
              : excluded.filter((x) => x !== name),
        })
      }}
    />
  )
}

function PrepareControls() {
  const preview = useData((s) => s.preview)!
  const choice = useData((s) => s.choice)
  const busy = useData((s) => s.busy)
  const prepared = useData((s) => s.prepared)
  const pct = (x: number): number => Math.round(x * 100)
  const fraction = (text: string): number => Math.min(0.9, Math.max(0, Number(text) / 100 || 0))
  const csv = preview.kind === 'csv' ? preview : null
  const chosen = csv
    ? csv.columns.filter(
        (c) => !choice.excluded.includes(c.name) || choice.targets.includes(c.name),
      )
    : []
  const missing = chosen.reduce(
    (n, c) => n + (c.kind === 'numeric' ? c.stats.missing : c.missing),
    0,
  )
  return (
    <div className="prepare-controls" data-testid="data-prepare">
      {csv && (
        <>
          <label>
            Target (what to predict)
            <select
              data-testid="data-target"
              value={choice.targets[0] ?? ''}
              onChange={(e) =>
                setChoice({
                  targets: [e.target.value],
                  excluded: choice.excluded.filter((x) => x !== e.target.value),
                })
              }
            >
              {csv.columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {`${c.name} (${c.kind === 'categorical' ? `${c.distinct} classes` : choice.categorical.includes(c.name) ? `${c.stats.distinct} classes` : 'number'})`}
                </option>
              ))}
            </select>
          </label>
          <TargetClasses />
          <TargetKind />
          <CsvReadNotes />
          <label>
            Header row
            <select
              data-testid="data-header"
              value={choice.header === undefined ? 'auto' : String(choice.header)}
              onChange={(e) =>
                void setCsvHeader(e.target.value === 'auto' ? undefined : e.target.value === 'true')
              }
            >
              <option value="auto">detected ({csv.header ? 'yes' : 'no'})</option>
              <option value="true">first row is a header</option>
              <option value="false">no header row</option>
            </select>
          </label>
          <label>
            Missing values{' '}
            {missing > 0 ? (
              <span className="warn">({missing} cells in the chosen columns)</span>
            ) : (
              <span className="muted">(none)</span>
            )}
            <select
              data-testid="data-missing"
              value={choice.missing}
              onChange={(e) => setChoice({ missing: e.target.value as typeof choice.missing })}
            >
              <option value="error">ask me (stop with a message)</option>
              <option value="drop">drop those rows</option>
              <option value="mean">fill in: mean (of the training rows)</option>
              <option value="median">fill in: median (of the training rows)</option>
              <option value="mode">fill in: most frequent value</option>
            </select>
          </label>
        </>
      )}
      {preview.kind !== 'builtin' && (
        <>
          <label>
            Normalisation (fitted on the training part)
            <select
              data-testid="data-normalization"
              value={choice.normalization}
              onChange={(e) =>
                setChoice({ normalization: e.target.value as typeof choice.normalization })
              }
            >
              <option value="none">
                {preview.kind === 'idx' ? 'none (pixels ÷ 255)' : 'none'}
              </option>
              <option value="minMax">min–max → [0, 1]</option>
              <option value="zScore">z-score → mean 0, std 1</option>
              <option value="divide255">÷ 255 (pixel values)</option>
            </select>
          </label>
          <div className="split-row">
            <label title="Held out to watch for overfitting. 0: the optimizer's validation fraction applies.">
              Validation %
              <input
                type="number"
                min={0}
                max={90}
                step={5}
                data-testid="data-validation"
                value={pct(choice.validation)}
                onChange={(e) => setChoice({ validation: fraction(e.target.value) })}
              />
            </label>
            {!(preview.kind === 'idx' && preview.testCount > 0) && (
              <label title="Held out for the final test, never trained on.">
                Test %
                <input
                  type="number"
                  min={0}
                  max={90}
                  step={5}
                  data-testid="data-test"
                  value={pct(choice.test)}
                  onChange={(e) => setChoice({ test: fraction(e.target.value) })}
                />
              </label>
            )}
            <label className="inline" title="Keep each class's share in every part">
              <input
                type="checkbox"
                data-testid="data-stratify"
                checked={choice.stratify}
                onChange={(e) => setChoice({ stratify: e.target.checked })}
              />
              stratified
            </label>
          </div>
          <div className="muted small">
            Split with the project seed, so the same data always splits the same way.
          </div>
        </>
      )}
      {preview.kind === 'idx' && preview.classBalance && (
        <ClassBalance counts={preview.classBalance} names={preview.labelNames} />
      )}
      {preview.kind === 'builtin' && preview.classBalance && (
        <ClassBalance counts={preview.classBalance} names={preview.labelNames} />
      )}
      {csv && <CsvTargetBalance />}
      <button
        type="button"
        className="primary apply-button"
        data-testid="data-apply"
        disabled={busy !== null}
        onClick={() => void applyData()}
      >
        {prepared ? 'Use again with these choices' : 'Use this data'}
      </button>
    </div>
  )
}

function CsvTargetBalance() {
  const preview = useData((s) => s.preview)
  const target = useData((s) => s.choice.targets[0])
  if (preview?.kind !== 'csv') return null
  const column = preview.columns.find((c) => c.name === target)
  if (column?.kind !== 'categorical') return null
  return (
    <ClassBalance
      counts={column.top.map(([, n]) => n)}
      names={column.top.map(([name]) => name)}
      title={`Class balance of “${column.name}”`}
    />
  )
}

/** What the project now trains on, and whether the network fits it. */
function AppliedSummary() {
  const prepared = useData((s) => s.prepared)
  const applied = useData((s) => s.applied)
  const projectData = useDocument((s) => s.project.data)
  const shape = useDocument((s) => s.dataShape)
  const diagnostics = useDocument((s) => s.compiled.diagnostics)
  const mismatch = diagnostics.filter(
    (d) => d.code === 'input-size-mismatch' || d.code === 'output-size-mismatch',
  )
  if (!applied || applied !== projectData) return null
  return (
    <div className="applied-summary" data-testid="data-applied">
      <div className="section-title">In use by the project</div>
      {shape && (
        <div data-testid="data-applied-shape">
          {plural(shape.inputSize, 'input')} → {plural(shape.targetSize, 'target')}
        </div>
      )}
      {prepared && (
        <div className="muted" data-testid="data-applied-counts">
          {prepared.counts.train.toLocaleString()} training ·{' '}
          {prepared.counts.validation.toLocaleString()} validation ·{' '}
          {prepared.counts.test.toLocaleString()} test rows
          {prepared.report &&
            prepared.report.droppedLines.length > 0 &&
            ` · ${prepared.report.droppedLines.length} rows with missing values dropped (first: line ${prepared.report.droppedLines[0]})`}
          {prepared.report &&
            prepared.report.filled.length > 0 &&
            ` · filled in: ${prepared.report.filled.map((f) => `${f.count} in “${f.column}”`).join(', ')}`}
        </div>
      )}
      {prepared?.classBalance && prepared.counts.validation > 0 && (
        <ClassBalance
          counts={prepared.classBalance.validation}
          names={prepared.labelNames}
          title="Validation classes"
        />
      )}
      {mismatch.length > 0 && (
        <div className="data-mismatch" data-testid="data-mismatch">
          {mismatch.map((d, i) => (
            <div key={i}>{d.message}</div>
          ))}
          <button type="button" data-testid="data-fit-network" onClick={fitNetworkToData}>
            Fit the network to the data
          </button>
        </div>
      )}
    </div>
  )
}
