import { memo } from 'react'
import type { Diagnostic } from '../../../engine/project'

/**
 * A badge pinned to a node or an edge: a count, and the compiler's message with its hint
 * (shown on hover, and always while the element is selected).
 */
function DiagnosticBadgeView({ diagnostics, testId, open }: { diagnostics: readonly Diagnostic[]; testId: string; open?: boolean }) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const severity = errors > 0 ? 'error' : 'warning'
  return (
    <div className={`diag-badge diag-${severity}${open ? ' is-open' : ''}`} data-testid={testId} data-codes={diagnostics.map((d) => d.code).join(' ')}>
      <span className="diag-badge-icon" aria-label={`${diagnostics.length} ${severity === 'error' ? 'problem' : 'warning'}${diagnostics.length === 1 ? '' : 's'}`}>
        {severity === 'error' ? '!' : '?'}
        {diagnostics.length > 1 && <sub>{diagnostics.length}</sub>}
      </span>
      <div className="diag-callout" role="tooltip">
        {diagnostics.map((d, i) => (
          <div key={i} className={`diag-item diag-${d.severity}`}>
            <div className="diag-message">{d.message}</div>
            <div className="diag-hint">{d.hint}</div>
          </div>
        ))}
      </div>
    </div>
  )
}

export const DiagnosticBadge = memo(DiagnosticBadgeView)
