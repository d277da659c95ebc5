/** Where data comes from: the user's files (chosen or dropped) or a built-in dataset. */
import { useRef } from 'react'
import { BUILTIN_CHOICES, type BuiltinChoiceId } from './builtins'
import { useDocument } from '../store/documentStore'
import { openBuiltinData, openDataFiles, setChoice, useData } from './dataStore'
import { isProjectFile } from '../files/severalFiles'

const FILE_ACCEPT = '.csv,.tsv,.txt,.gz,.idx,.idx1-ubyte,.idx3-ubyte,application/gzip,text/csv'

/** Files in a drop that are data (project files are the designer's). */
export function dataFilesOf(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((f) => !isProjectFile(f))
}

export function FilePicker() {
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
export function BuiltinPicker() {
  const origin = useData((s) => s.origin)
  const used = useDocument((s) => s.project.data)
  // What is loaded, else what the project uses (a shared or reopened project: its options are the panel's).
  const current = origin?.kind === 'builtin' ? origin.id : !origin && used.kind === 'builtin' && used.id in BUILTIN_CHOICES ? (used.id as BuiltinChoiceId) : null
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
      {info && current && info.kind === 'points2d' && <PointsOptions current={current} />}
      {info && <p className="muted builtin-description">{info.description}</p>}
    </div>
  )
}

/** A choice among numbers that re-opens the built-in dataset when changed. */
function BuiltinCountSelect({
  label,
  testId,
  value,
  options,
  onPick,
}: {
  label: string
  testId: string
  value: number
  options: number[]
  onPick: (n: number) => void
}) {
  return (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onPick(Number(e.target.value))}>
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  )
}

/** A slider from 0 to `max` with its value shown beside the label (`<testId>-value`). */
function BuiltinSlider({ label, title, shown, testId, value, max, step, onPick }: { label: string; title?: string; shown: string; testId: string; value: number; max: number; step: number; onPick: (v: number) => void }) {
  return (
    <label title={title}>
      {label} <output data-testid={`${testId}-value`}>{shown}</output>
      <input type="range" min={0} max={max} step={step} value={value} data-testid={testId} onChange={(e) => onPick(Number(e.target.value))} />
    </label>
  )
}

/** A new generator seed, never the one in use (what Playground's Regenerate does). */
function nextDataSeed(current: number): number {
  const seed = 2 + Math.floor(Math.random() * 999_998)
  return seed === current ? seed + 1 : seed
}

/** Noise, share of test points, point count and (clusters) class count of a 2-D built-in dataset. */
function PointsOptions({ current }: { current: BuiltinChoiceId }) {
  const choice = useData((s) => s.choice)
  const reopen = (change: Partial<typeof choice>) => {
    setChoice(change)
    void openBuiltinData(current)
  }
  return (
    <div className="builtin-options">
      <BuiltinSlider label="Noise" shown={choice.noise.toFixed(2)} testId="builtin-noise" value={choice.noise} max={0.5} step={0.01} onPick={(noise) => reopen({ noise })} />
      <BuiltinSlider
        label="Test data"
        title="Points held out as a test set: never trained on, evaluated at the end and drawn as triangles on the decision boundary (the same ones for the same seed)."
        shown={`${Math.round(choice.test * 100)} %`}
        testId="builtin-test"
        value={choice.test}
        max={0.9}
        step={0.05}
        onPick={(test) => setChoice({ test })}
      />
      <BuiltinCountSelect
        label="Points"
        testId="builtin-count"
        value={choice.count}
        options={[100, 200, 500, 1000]}
        onPick={(count) => reopen({ count })}
      />
      {current === 'clusters' && (
        <BuiltinCountSelect
          label="Clusters"
          testId="builtin-classes"
          value={choice.classes}
          options={[2, 3, 4, 5, 6, 7, 8]}
          onPick={(classes) => reopen({ classes })}
        />
      )}
      <span className="builtin-seed" title="The generator's seed: saved in the project and its share link, so they make these very points again.">
        Seed <output data-testid="builtin-seed">{choice.dataSeed}</output>
        <button type="button" data-testid="builtin-regenerate" onClick={() => reopen({ dataSeed: nextDataSeed(choice.dataSeed) })} title="New points of the same kind (a new seed)">
          Regenerate
        </button>
      </span>
    </div>
  )
}
