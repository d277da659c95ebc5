import { useReplay, replayEpoch } from './timeMachine'
import { useTraining } from './trainingStore'
import { count } from './format'

/**
 * The time machine's scrubber: slide back through the epochs the run recorded and every view,
 * and the canvas, show the network as it was then; the far right is the present. Training
 * always goes on from the present.
 */
export function TimeScrubber() {
  const recorded = useReplay((s) => s.recorded)
  const epoch = useReplay((s) => s.epoch)
  const error = useReplay((s) => s.error)
  const iteration = useReplay((s) => s.iteration)
  const now = useTraining((s) => (s.stale ? null : s.snapshot))
  if (!now || recorded.length < 2) return null
  const running = now.state === 'running'
  const index = epoch === null ? recorded.length : Math.max(0, recorded.indexOf(epoch))
  const go = (i: number) => void replayEpoch(i >= recorded.length ? null : recorded[Math.max(0, i)])
  return (
    <section className={`time-scrubber${epoch !== null ? ' is-replaying' : ''}`} data-testid="time-scrubber" data-epoch={epoch ?? 'now'} data-recorded={recorded.join(' ')}>
      <div className="time-scrubber-row">
        <span className="time-scrubber-title">Time machine</span>
        <button type="button" data-testid="time-scrubber-back" disabled={running || index <= 0} onClick={() => go(index - 1)} title="The recorded epoch before">
          ◀
        </button>
        <input
          type="range"
          data-testid="time-scrubber-range"
          aria-label="Epoch shown"
          min={0}
          max={recorded.length}
          step={1}
          value={index}
          disabled={running}
          onChange={(e) => go(Number(e.target.value))}
        />
        <button type="button" data-testid="time-scrubber-forward" disabled={running || epoch === null} onClick={() => go(index + 1)} title="The recorded epoch after (the far right is now)">
          ▶
        </button>
      </div>
      <p className="muted small" data-testid="time-scrubber-label">
        {running
          ? `Recording ${count(recorded.length)} epochs so far: pause to look back.`
          : epoch === null
            ? `Now: epoch ${count(now.epoch)}. Slide left to see the network at any of ${count(recorded.length)} recorded epochs.`
            : `Showing epoch ${count(epoch)} (${count(iteration)} updates) as it was: the views and the canvas are replayed; ▶ Train goes on from epoch ${count(now.epoch)}.`}
      </p>
      {error && (
        <p className="error small" data-testid="time-scrubber-error">
          {error}
        </p>
      )}
    </section>
  )
}
