import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { trainingControls, useTraining } from './trainingStore'

/**
 * When a run fails (e.g. a DivergenceError: NaN or Infinity in a layer), the engine's error
 * at the top of the panel: its name, the layer it names, the message with its hint, and a way
 * to that layer on the canvas (which carries a badge too). The graph is left as it was.
 */
export function TrainingFailure() {
  const snapshot = useTraining((s) => s.snapshot)
  const label = useDocument((s) => {
    const id = snapshot?.errorNodeId
    const node = id ? s.project.nodes.find((n) => n.id === id) : undefined
    return node ? (node.label ?? node.id) : null
  })
  const failedWith = useTraining((s) => s.failedLearningRate)
  const canvasRate = useDocument((s) => s.compiled.spec?.optimizer.learningRate ?? null)
  if (!snapshot || snapshot.state !== 'failed' || !snapshot.error) return null
  const name = snapshot.errorName ?? 'Error'
  // The engine's hint names the η the run diverged with; once η on the canvas is another, say both.
  const rateChanged = name === 'DivergenceError' && failedWith !== null && canvasRate !== null && canvasRate !== failedWith
  const nodeId = snapshot.errorNodeId ?? null
  return (
    <div className="train-failure" role="alert" data-testid="training-failure" data-error-name={name} data-node={nodeId ?? ''}>
      <strong>
        {name}
        {label && ` in layer “${label}”`}
      </strong>
      <p data-testid="training-failure-text">
        {rateChanged
          ? `This run diverged with η = ${failedWith}. η is now ${canvasRate}: press ▶ Train to train with it.`
          : snapshot.error}
      </p>
      <div className="train-buttons">
        {nodeId && (
          <button type="button" data-testid="training-failure-show" onClick={() => useUi.getState().select([nodeId])}>
            Show the layer
          </button>
        )}
        <button type="button" onClick={() => void trainingControls.reset()} title="Re-initialise from the seed; change η first in the optimizer or above">
          ↺ Reset
        </button>
      </div>
    </div>
  )
}
