import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'

/** Below the canvas: "compiles" with the parameter total, or the list of problems. */
export function ProblemsBar() {
  const diagnostics = useDocument((s) => s.compiled.diagnostics)
  const ok = useDocument((s) => s.compiled.spec !== null)
  const shapes = useDocument((s) => s.shapes)
  const empty = useDocument((s) => s.project.nodes.length === 0)
  const notice = useUi((s) => s.notice)
  if (empty && !notice) return null
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const total = `${shapes.totalParams.toLocaleString('en-US')}${shapes.totalIncomplete ? '+' : ''} parameters`
  return (
    <div className="problems-bar" data-testid="compile-status" data-ok={ok ? 'true' : 'false'}>
      {notice && (
        <div className={`notice notice-${notice.kind}`} data-testid="notice">
          {notice.text}
          {notice.action && (
            <button type="button" className="link-button" data-testid="notice-action" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          {notice.otherAction && (
            <button type="button" className="link-button" data-testid="notice-other-action" onClick={notice.otherAction.run}>
              {notice.otherAction.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => useUi.getState().notify(null)}>
            ×
          </button>
        </div>
      )}
      {!empty && (
        <div className="problems-summary">
          {ok ? (
            <span className="ok">✓ Compiles · {total}</span>
          ) : (
            <details>
              <summary>
                <span className="error">
                  {errors.length} problem{errors.length === 1 ? '' : 's'}
                </span>{' '}
                · {total}
              </summary>
              <ul className="problems-list" data-testid="problems-list">
                {diagnostics.map((d, i) => (
                  <li key={i} className={`diag-${d.severity}`}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => d.nodeId && useUi.getState().select([d.nodeId])}
                      disabled={!d.nodeId}
                    >
                      {d.message}
                    </button>
                    <span className="diag-hint"> {d.hint}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  )
}
