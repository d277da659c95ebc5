import './training.css'
import { useEffect, useRef } from 'react'
import { useTraining } from './trainingStore'
import { Controls } from './Controls'
import { LiveViewPanel } from './viewComponents'
import { VIEW_IDS } from '../../../engine/views/registry'
import { exportModelNow, openStepThrough } from './timeMachine'
import { TrainingFailure } from './TrainingFailure'
import { TimeScrubber } from './TimeScrubber'
import { TestSetView } from '../experiments/TestSetView'
import { DiagnosticsView } from '../experiments/DiagnosticsView'
import { selectCanTrain, useDocument } from '../store/documentStore'

/**
 * The training panel, mounted in the designer's "Training" tab: controls and
 * counters, curves, decision boundary, hidden codes, weights, gradients, confusion matrix,
 * and the step-through (a wide overlay). Every number shown comes from the engine's snapshots;
 * the live views (`viewComponents.tsx`) are computed by the engine while in sight on this tab.
 * It always names the network on the canvas: the run is stopped when another document opens.
 */
export function TrainingPanel() {
  const title = useDocument((s) => s.project.meta.title)
  const canTrain = useDocument(selectCanTrain)
  const runId = useTraining((s) => s.runId)
  const info = useTraining((s) => (s.stale ? null : s.info))
  const error = useTraining((s) => s.error)
  const starting = useTraining((s) => s.starting)
  const exported = useTraining((s) => s.exported)
  const exportRefused = useTraining((s) => s.exportRefused)
  return (
    <div className="training-panel" data-testid="training-panel" data-run={runId ?? ''}>
      <h2 className="training-title" data-testid="training-title">
        {title}
      </h2>
      {info && (
        <p className="muted small run-info" data-testid="run-info">
          {info.inputSize} → {info.layers.map((l) => l.units).join(' → ')} · {info.paramCount.toLocaleString('en-US')} parameters · {info.trainCount.toLocaleString('en-US')} example{info.trainCount === 1 ? '' : 's'}
          {info.validationCount > 0 && ` · ${info.validationCount.toLocaleString('en-US')} for validation`}
          {info.testCount > 0 && ` · ${info.testCount.toLocaleString('en-US')} for the test`} · batch {info.batchSize}
        </p>
      )}
      {!runId && (
        <p className="muted" data-testid="training-hint">
          {canTrain
            ? 'Press ▶ Train to watch this network learn, or step through one example: loss curves, weights and hidden codes appear here.'
            : 'Fix the problems on the canvas to train this network: loss curves, weights, hidden codes and the step-through appear here.'}
        </p>
      )}
      {starting && <p className="muted">Loading the data and setting up the network…</p>}
      {error && (
        <p className="error" data-testid="training-error">
          {error}
        </p>
      )}
      <TrainingFailure />
      <Controls />
      {/* The curves come first: at a projector's 1024 × 768 they are what the class watches while it trains
          (in a short panel, above the controls: training.css). */}
      {runId && <LiveViewPanel id="curves" />}
      <TimeScrubber />
      {canTrain && (
        <div className="train-actions">
          <button type="button" className="step-through-open" data-testid="open-step-through" disabled={starting} onClick={() => void openStepThrough(0)}>
            Step through one example…
          </button>
          <button type="button" data-testid="export-model" disabled={starting} onClick={() => void exportModelNow()} title="Save the network as it is now (weights, biases, preprocessing, settings) as model JSON">
            Export model…
          </button>
          {exported && (
            <span className="muted small" data-testid="export-status">
              Saved {exported}
            </span>
          )}
          {exportRefused && <ExportRefusal text={exportRefused} />}
        </div>
      )}
      {runId && (
        <>
          <TestSetView />
          <DiagnosticsView />
          {VIEW_IDS.filter((id) => id !== 'curves').map((id) => (
            <LiveViewPanel key={id} id={id} />
          ))}
        </>
      )}
    </div>
  )
}

/** Why Export model saved nothing, under its button and scrolled into sight (the button may sit at the panel's foot). */
function ExportRefusal({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' })
  }, [text])
  return (
    <p ref={ref} className="error small" role="alert" data-testid="export-refused">
      {text}
    </p>
  )
}
