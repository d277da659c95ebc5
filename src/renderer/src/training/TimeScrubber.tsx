import { useReplay, replayEpoch } from './timeMachine'
import { useTraining } from './trainingStore'
import { count } from './format'

/** Where `epoch` sits on the slider: its recorded index, or the last one before it (thinning may have dropped it); the end is now. */
function sliderIndex(recorded: readonly number[], epoch: number | null): number {
  if (epoch === null) return recorded.length
  const before = recorded.filter((e) => e <= epoch).length - 1
  return Math.max(0, before)
}

/**
 * The time machine's scrubber: slide back through the epochs the run recorded and every view,
 * and the canvas, show the network as it was then; the far right (or “Back to live”) is the present.
 * It works while the run trains too: the replayed epoch stays on screen as training goes on
 * (the curves and counters keep moving), and training always goes on from the present.
 */
export function TimeScrubber() {
  const recorded = useReplay((s) => s.recorded)
  const epoch = useReplay((s) => s.epoch)
  const error = useReplay((s) => s.error)
  const iteration = useReplay((s) => s.iteration)
  const now = useTraining((s) => (s.stale ? null : s.snapshot))
  if (!now || recorded.length < 2) return null
  const running = now.state === 'running'
  const index = sliderIndex(recorded, epoch)
  const go = (i: number) => void replayEpoch(i >= recorded.length ? null : recorded[Math.max(0, i)])
  return (
    <section className={`time-scrubber${epoch !== null ? ' is-replaying' : ''}`} data-testid="time-scrubber" data-epoch={epoch ?? 'now'} data-recorded={recorded.join(' ')}>
      {/* The title and "Back to live" on a line of their own: beside the slider they pushed it and ▶ out of a 1024 px window's panel. */}
      <div className="time-scrubber-head">
        <span className="time-scrubber-title">Time machine</span>
        {epoch !== null && (
          <button type="button" data-testid="time-scrubber-live" onClick={() => go(recorded.length)} title="Back to the present: the network as it is now">
            Back to live
          </button>
        )}
      </div>
      <div className="time-scrubber-row">
        <button type="button" data-testid="time-scrubber-back" disabled={index <= 0} onClick={() => go(index - 1)} title="The recorded epoch before">
          ◀
        </button>
        <input type="range" data-testid="time-scrubber-range" aria-label="Epoch shown" min={0} max={recorded.length} step={1} value={index} onChange={(e) => go(Number(e.target.value))} />
        <button type="button" data-testid="time-scrubber-forward" disabled={epoch === null} onClick={() => go(index + 1)} title="The recorded epoch after (the far right is now)">
          ▶
        </button>
      </div>
      <p className="muted small time-scrubber-label" data-testid="time-scrubber-label">
        {epoch === null
          ? running
            ? `Recording: ${count(recorded.length)} epochs so far. Slide left to look back while it trains.`
            : `Now: epoch ${count(now.epoch)}. Slide left to see the network at any of ${count(recorded.length)} recorded epochs.`
          : running
            ? `Showing epoch ${count(epoch)} (${count(iteration)} updates) as it was, while training goes on (now epoch ${count(now.epoch)}): “Back to live” shows the present.`
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
