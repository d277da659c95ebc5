import { memo, useMemo } from 'react'
import { diagnosticsForNode, useRunDiagnostics } from './runDiagnostics'

/**
 * A badge on a node the run's diagnostics name (dead ReLUs, saturation, gradients on a dense
 * node; learning rate and overfitting on the optimizer), with each finding's number and what
 * to try on hover. Drawn like the compiler's badges, marked as coming from training.
 */
function RunDiagnosticsBadgeView({ nodeId, isOptimizer }: { nodeId: string; isOptimizer: boolean }) {
  const list = useRunDiagnostics((s) => s.list)
  const mine = useMemo(() => diagnosticsForNode(list, nodeId, isOptimizer), [list, nodeId, isOptimizer])
  if (mine.length === 0) return null
  return (
    <div className="diag-badge diag-warning run-diag-badge" data-testid={`run-diagnostic-badge-${nodeId}`} data-ids={mine.map((d) => d.id).join(' ')}>
      <span className="diag-badge-icon" aria-label={`${mine.length} training diagnostic${mine.length === 1 ? '' : 's'}`}>
        i{mine.length > 1 && <sub>{mine.length}</sub>}
      </span>
      <div className="diag-callout" role="tooltip">
        {mine.map((d) => (
          <div key={d.id} className="diag-item diag-warning">
            <div className="diag-message">{d.message}</div>
            <div className="diag-hint">Try: {d.hint}</div>
          </div>
        ))}
      </div>
    </div>
  )
}

export const RunDiagnosticsBadge = memo(RunDiagnosticsBadgeView)
