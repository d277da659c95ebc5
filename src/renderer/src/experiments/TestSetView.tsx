import { useTraining, trainingControls } from '../training/trainingStore'
import { count, fmt, percent } from '../training/format'

/**
 * The held-out test set, apart from validation: how many examples it has, its loss and
 * accuracy once the run has ended (or when the user asks), and at which epoch it was taken.
 */
export function TestSetView() {
  const info = useTraining((s) => (s.stale ? null : s.info))
  const test = useTraining((s) => s.snapshot?.test ?? null)
  const running = useTraining((s) => s.snapshot?.state === 'running')
  if (!info || info.testCount === 0) return null
  return (
    <section className="train-section test-set" data-testid="test-set">
      <header>
        <h3>Test set</h3>
        <span className="muted">{count(info.testCount)} examples held out: never trained on, not used for validation</span>
      </header>
      {test ? (
        <p data-testid="test-result" data-loss={test.loss} data-accuracy={test.accuracy ?? ''} data-epoch={test.epoch}>
          Test loss <strong>{fmt(test.loss)}</strong>
          {test.accuracy !== undefined && (
            <>
              {' '}· accuracy <strong>{percent(test.accuracy)}</strong>
            </>
          )}{' '}
          <span className="muted">
            after epoch {test.epoch}
            {test.restoredEpoch !== null && ` (weights of epoch ${test.restoredEpoch}, restored)`}
          </span>
        </p>
      ) : (
        <p className="muted" data-testid="test-pending">
          Evaluated when training ends{running ? '' : ', or now'}.
        </p>
      )}
      <button type="button" data-testid="evaluate-test" onClick={() => void trainingControls.evaluateTest()} title="Evaluate the test set with the weights as they are now">
        Evaluate test set now
      </button>
    </section>
  )
}
