import { memo } from 'react'

/**
 * A badge on the node a training error names (e.g. the layer a DivergenceError found NaN or
 * Infinity in): the engine's error name and message, with its hint, on hover. The graph
 * itself is unchanged; Reset or a smaller η starts again.
 */
function TrainingErrorBadgeView({ name, message, testId }: { name: string; message: string; testId: string }) {
  return (
    <div className="diag-badge diag-error train-error-badge" data-testid={testId} data-error-name={name}>
      <span className="diag-badge-icon" aria-label={`Training stopped: ${name}`}>
        !
      </span>
      <div className="diag-callout" role="tooltip">
        <div className="diag-item diag-error">
          <div className="diag-message">
            <strong>{name}</strong> — training stopped here.
          </div>
          <div className="diag-hint">{message}</div>
        </div>
      </div>
    </div>
  )
}

export const TrainingErrorBadge = memo(TrainingErrorBadgeView)
