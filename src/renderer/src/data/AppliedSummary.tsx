/** What the project now trains on, and whether the network fits it. */
import { useDocument } from '../store/documentStore'
import { plural } from '../plural'
import { fitNetworkToData, useData } from './dataStore'
import { ClassBalance } from './views'
import { dataSourceName } from './dataName'

/** With nothing loaded in the panel (an example's data, or after a refusal): what the project trains on. */
export function InUseLine() {
  const data = useDocument((s) => s.project.data)
  return (
    <div className="applied-summary" data-testid="data-in-use">
      <span className="section-title">In use by the project:</span> {dataSourceName(data)}
    </div>
  )
}

export function AppliedSummary() {
  const prepared = useData((s) => s.prepared)
  const applied = useData((s) => s.applied)
  const projectData = useDocument((s) => s.project.data)
  const shape = useDocument((s) => s.dataShape)
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
    </div>
  )
}

/**
 * Under the palette's Data button, where one looks after "Use this data" closed the dialog:
 * the loaded data's size against the network's, and the one click that fits the network to it.
 */
export function DataMismatch() {
  const shape = useDocument((s) => s.dataShape)
  const diagnostics = useDocument((s) => s.compiled.diagnostics)
  const mismatch = diagnostics.filter((d) => d.code === 'input-size-mismatch' || d.code === 'output-size-mismatch')
  if (!shape || mismatch.length === 0) return null
  return (
    <div className="data-mismatch" data-testid="data-mismatch">
      {mismatch.map((d, i) => (
        <div key={i}>{d.message}</div>
      ))}
      <button type="button" data-testid="data-fit-network" onClick={fitNetworkToData}>
        Fit the network to the data
      </button>
    </div>
  )
}
