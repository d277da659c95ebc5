/**
 * How the opened data is prepared: for a CSV its target, header, missing values; for files its
 * normalisation and split; then "Use this data".
 */
import { applyData, closeDataDialog, setChoice, setCsvHeader, useData } from './dataStore'
import { focusCanvas } from '../canvas/focusCanvas'
import { CsvReadNotes, TargetClasses, TargetKind } from './CsvControls'
import { ClassBalance } from './views'
import { targetKindLabel } from './csvChoice'
import type { DataPreview } from '../../../engine/host/dataFiles'

export function PrepareControls() {
  const preview = useData((s) => s.preview)!
  const busy = useData((s) => s.busy)
  const prepared = useData((s) => s.prepared)
  const csv = preview.kind === 'csv' ? preview : null
  return (
    <div className="prepare-controls" data-testid="data-prepare">
      {csv && <CsvChoices csv={csv} />}
      {preview.kind !== 'builtin' && <SplitChoices preview={preview} />}
      {preview.kind !== 'csv' && preview.classBalance && (
        <ClassBalance counts={preview.classBalance} names={preview.labelNames} />
      )}
      {csv && <CsvTargetBalance />}
      <button
        type="button"
        className="primary apply-button"
        data-testid="data-apply"
        disabled={busy !== null}
        onClick={() => void applyAndClose()}
      >
        {prepared ? 'Use again with these choices' : 'Use this data'}
      </button>
    </div>
  )
}

/** The data is the project's now: back to the network (a problem keeps the dialog open to show it). */
async function applyAndClose(): Promise<void> {
  if (!(await applyData())) return
  closeDataDialog()
  focusCanvas()
}

type CsvPreview = Extract<DataPreview, { kind: 'csv' }>

/** A CSV's target column, header row and missing-value policy. */
function CsvChoices({ csv }: { csv: CsvPreview }) {
  const choice = useData((s) => s.choice)
  const chosen = csv.columns.filter(
    (c) => !choice.excluded.includes(c.name) || choice.targets.includes(c.name),
  )
  const missing = chosen.reduce(
    (n, c) => n + (c.kind === 'numeric' ? c.stats.missing : c.missing),
    0,
  )
  return (
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
              {`${c.name} (${targetKindLabel(c, choice)})`}
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
          <span className="warn">
            ({missing} {missing === 1 ? 'cell' : 'cells'} in the chosen columns)
          </span>
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
  )
}

/** A percentage field for a fraction of the rows (0 … 90 %). */
function PercentInput({
  label,
  title,
  testId,
  value,
  onChange,
}: {
  label: string
  title: string
  testId: string
  value: number
  onChange: (fraction: number) => void
}) {
  return (
    <label title={title}>
      {label}
      <input
        type="number"
        min={0}
        max={90}
        step={5}
        data-testid={testId}
        value={Math.round(value * 100)}
        onChange={(e) => onChange(Math.min(0.9, Math.max(0, Number(e.target.value) / 100 || 0)))}
      />
    </label>
  )
}

/** The parts held out of training; an IDX test pair replaces the test part. */
const HELD_OUT = [
  {
    key: 'validation',
    label: 'Validation %',
    title: "Held out to watch for overfitting. 0: the optimizer's validation fraction applies.",
    testId: 'data-validation',
  },
  {
    key: 'test',
    label: 'Test %',
    title: 'Held out for the final test, never trained on.',
    testId: 'data-test',
  },
] as const

/** Normalisation, and the validation and test parts of the split. */
function SplitChoices({ preview }: { preview: DataPreview }) {
  const choice = useData((s) => s.choice)
  const hasTestFile = preview.kind === 'idx' && preview.testCount > 0
  return (
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
          <option value="none">{preview.kind === 'idx' ? 'none (pixels ÷ 255)' : 'none'}</option>
          <option value="minMax">min–max → [0, 1]</option>
          <option value="zScore">z-score → mean 0, std 1</option>
          <option value="divide255">÷ 255 (pixel values)</option>
        </select>
      </label>
      <div className="split-row">
        {HELD_OUT.filter((part) => part.key === 'validation' || !hasTestFile).map((part) => (
          <PercentInput
            key={part.key}
            label={part.label}
            title={part.title}
            testId={part.testId}
            value={choice[part.key]}
            onChange={(fraction) => setChoice({ [part.key]: fraction })}
          />
        ))}
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
