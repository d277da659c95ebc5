import { useRunDiagnostics } from './runDiagnostics'
import { useDocument } from '../store/documentStore'
import type { TrainingDiagnostic } from '../../../engine/host/training'

const TITLES: Record<TrainingDiagnostic['id'], string> = {
  deadRelu: 'Dead ReLUs',
  saturated: 'Saturated units',
  vanishingGradients: 'Vanishing gradients',
  explodingGradients: 'Exploding gradients',
  learningRateTooHigh: 'Learning rate too high',
  overfitting: 'Overfitting',
  symmetricUnits: 'Identical units',
}

/** The run's diagnostics as a list in the Training panel: what, where, the number, what to try. */
export function DiagnosticsView() {
  const list = useRunDiagnostics((s) => s.list)
  const nodes = useDocument((s) => s.project.nodes)
  if (list.length === 0) return null
  const where = (d: TrainingDiagnostic) => {
    if (d.nodeId === null) return 'the run'
    const n = nodes.find((x) => x.id === d.nodeId)
    return `layer “${n?.label || d.nodeId}”`
  }
  return (
    <section className="train-section run-diagnostics" data-testid="run-diagnostics">
      <header>
        <h3>Diagnostics</h3>
        <span className="muted">what looks wrong in this run, and what to try</span>
      </header>
      <ul>
        {list.map((d) => (
          <li key={`${d.id}-${d.nodeId}`} data-testid={`run-diagnostic-${d.id}`} data-node={d.nodeId ?? ''} data-value={d.value}>
            <strong>{TITLES[d.id]}</strong> <span className="muted">({where(d)})</span>: {d.message}
            <div className="diag-hint">Try: {d.hint}</div>
          </li>
        ))}
      </ul>
    </section>
  )
}
