import { createPortal } from 'react-dom'
import './training.css'
import { useTraining } from './trainingStore'
import { Controls } from './Controls'
import { CurvesView } from './CurvesView'
import { ConfusionView } from './ConfusionView'
import { WeightsView } from './WeightsView'
import { HiddenCodes } from './HiddenCodes'
import { GradientsView } from './GradientsView'
import { BoundaryView } from './BoundaryView'
import { StepThroughView } from './StepThroughView'
import { trainingControls } from './trainingStore'
import { TrainingFailure } from './TrainingFailure'

/**
 * The training panel (issue 5), mounted in the designer's "Training" tab: controls and
 * counters, curves, decision boundary, hidden codes, weights, gradients, confusion matrix,
 * and the step-through (a wide overlay). Every number shown comes from the engine's snapshots.
 */
export function TrainingPanel() {
  const title = useTraining((s) => s.title)
  const runId = useTraining((s) => s.runId)
  const info = useTraining((s) => s.info)
  const error = useTraining((s) => s.error)
  const starting = useTraining((s) => s.starting)
  const exported = useTraining((s) => s.exported)
  if (!runId) {
    return (
      <div className="training-panel" data-testid="training-panel">
        <h2>Training</h2>
        <p className="muted">Press ▶ Train when the network compiles: loss curves, weights, hidden codes and the step-through appear here.</p>
      </div>
    )
  }
  return (
    <div className="training-panel" data-testid="training-panel">
      <h2 className="training-title">{title}</h2>
      {info && (
        <p className="muted small" data-testid="run-info">
          {info.inputSize} → {info.layers.map((l) => l.units).join(' → ')} · {info.paramCount.toLocaleString('en-US')} parameters · {info.trainCount.toLocaleString('en-US')} example{info.trainCount === 1 ? '' : 's'}
          {info.validationCount > 0 && ` · ${info.validationCount.toLocaleString('en-US')} for validation`} · batch {info.batchSize}
        </p>
      )}
      {starting && <p className="muted">Loading the data…</p>}
      {error && (
        <p className="error" data-testid="training-error">
          {error}
        </p>
      )}
      <TrainingFailure />
      <Controls />
      {info && (
        <div className="train-actions">
          <button type="button" className="step-through-open" data-testid="open-step-through" onClick={() => void trainingControls.trace(0)}>
            Step through one example…
          </button>
          <button type="button" data-testid="export-model" onClick={() => void trainingControls.exportModel()} title="Save the network as it is now (weights, biases, preprocessing, settings) as model JSON">
            Export model…
          </button>
          {exported && (
            <span className="muted small" data-testid="export-status">
              Saved {exported}
            </span>
          )}
        </div>
      )}
      <CurvesView />
      <BoundaryView />
      <HiddenCodes />
      <WeightsView />
      <GradientsView />
      <ConfusionView />
      {createPortal(<StepThroughView />, document.body)}
    </div>
  )
}
