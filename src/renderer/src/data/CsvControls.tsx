/**
 * The data panel's CSV controls beyond roles: what was detected while reading (a skipped first
 * line, renamed columns), whether a whole-number target is read as classes and their names, and
 * what the choice means for the network (classification or regression).
 */
import { binaryTargetLow, preambleNamesFor, targetAsClasses } from './csvChoice'
import { rereadCsv, setChoice, useData } from './dataStore'

/** The first line skipped as a preamble (with the choice to read it after all) and other notes. */
export function CsvReadNotes() {
  const preview = useData((s) => s.preview)
  const preamble = useData((s) => s.choice.preamble)
  if (preview?.kind !== 'csv') return null
  const p = preview.preamble
  return (
    <div className="csv-read-notes" data-testid="data-read-notes">
      {p && (
        <div data-testid="data-preamble">
          Line {p.line} is not data: {p.reason}
          {p.classNames ? ` (class names ${p.classNames.map((n) => `“${n}”`).join(', ')})` : ''}. It is skipped.
        </div>
      )}
      <label>
        First line
        <select
          data-testid="data-preamble-choice"
          value={preamble === undefined ? 'auto' : String(preamble)}
          onChange={(e) => void rereadCsv({ preamble: e.target.value === 'auto' ? undefined : e.target.value === 'true' })}
        >
          <option value="auto">detected ({p ? 'skipped' : 'read'})</option>
          <option value="true">skip it (a title or counts)</option>
          <option value="false">read it (header or data)</option>
        </select>
      </label>
      {preview.notes.map((note, i) => (
        <div key={i} className="muted" data-testid="data-note">
          {note}
        </div>
      ))}
    </div>
  )
}

const parseNames = (text: string): string[] | null => {
  const names = text.split(',').map((s) => s.trim())
  return names.some((n) => n !== '') ? names : null
}

/** A whole-number target read as classes, and the names of its classes. */
export function TargetClasses() {
  const preview = useData((s) => s.preview)
  const choice = useData((s) => s.choice)
  if (preview?.kind !== 'csv' || choice.targets.length !== 1) return null
  const target = choice.targets[0]
  const column = preview.columns.find((c) => c.name === target)
  if (column?.kind !== 'numeric' || !column.stats.integer) return null
  const asClasses = targetAsClasses(choice)
  const candidate = preview.classCandidates.includes(target)
  return (
    <div className="target-classes">
      <label className="inline" title="A column of whole numbers such as 0, 1, 2 can name classes instead of a quantity to predict">
        <input
          type="checkbox"
          data-testid="data-target-classes"
          checked={asClasses}
          onChange={(e) =>
            setChoice({
              categorical: e.target.checked ? [...choice.categorical, target] : choice.categorical.filter((c) => c !== target),
              classNames: e.target.checked ? preambleNamesFor(preview, target) : null,
            })
          }
        />
        read “{target}” as classes ({column.stats.distinct} values{candidate ? '' : ', many for classes'})
      </label>
      {asClasses && (
        <label>
          Class names for {Array.from({ length: Math.min(4, column.stats.max + 1) }, (_, i) => i).join(', ')}
          {column.stats.max + 1 > 4 ? ' …' : ''} (comma-separated, optional)
          <input
            type="text"
            data-testid="data-class-names"
            defaultValue={choice.classNames?.join(', ') ?? ''}
            key={choice.classNames?.join(',') ?? ''}
            placeholder="e.g. setosa, versicolor, virginica"
            onBlur={(e) => setChoice({ classNames: parseNames(e.target.value) })}
          />
        </label>
      )}
    </div>
  )
}

/** Classification (one-hot, or one output of two values) or regression, from the chosen targets' kinds. */
export function TargetKind() {
  const preview = useData((s) => s.preview)
  const choice = useData((s) => s.choice)
  if (preview?.kind !== 'csv') return null
  const targets = choice.targets
  // In the order the engine places them side by side.
  const columns = preview.columns
    .filter((c) => targets.includes(c.name))
    .sort((a, b) => targets.indexOf(a.name) - targets.indexOf(b.name))
  if (columns.length === 0) return null
  let text: string
  const first = columns[0]
  if (columns.length > 1) {
    const outputs = columns.reduce((n, c) => n + (c.kind === 'categorical' ? c.distinct : 1), 0)
    text = `${columns.length} targets side by side (${columns.map((c) => c.name).join(', ')}): ${outputs} outputs${columns.some((c) => c.kind === 'categorical') ? ', categories one-hot' : ''}.`
  } else if (first.kind === 'categorical') {
    text = `Classification: ${first.distinct} classes, one output each (one-hot).`
  } else if (targetAsClasses(choice)) {
    const count = choice.classNames?.length ?? first.stats.distinct
    text = `Classification: ${count} classes${choice.classNames ? ` (${choice.classNames.join(', ')})` : ''}, one output each (one-hot).`
  } else if (binaryTargetLow(first) !== null) {
    const low = binaryTargetLow(first) === 0 ? { value: '0', cut: '0.5' } : { value: '−1', cut: '0' }
    text = `Binary classification: one output, ${low.value} or 1 as in “${first.name}”; ${low.cut} or more counts as 1, and accuracy is shown. (Read it as classes for one output each.)`
  } else {
    text = `Regression: the network predicts the number in “${first.name}”.`
  }
  return (
    <div className="muted small" data-testid="data-task">
      {text}
    </div>
  )
}
