import { createPortal } from 'react-dom'
import '../training/training.css'
import { useUi } from '../store/uiStore'
import { useTraining } from '../training/trainingStore'
import { useDocument } from '../store/documentStore'
import { Controls } from '../training/Controls'
import { StepThroughView } from '../training/StepThroughView'
import { TimeScrubber } from '../training/TimeScrubber'
import { LIVE_VIEW_LIST, LiveViewPanel } from '../training/viewComponents'

/**
 * Presentation mode's right-hand side (P): the run's controls and the live views the teacher
 * picked, large, beside the canvas (only those are computed). Palette and inspector are hidden meanwhile.
 */
export function PresentationPanel() {
  const picked = useUi((s) => s.presentViews)
  const runId = useTraining((s) => s.runId)
  const title = useDocument((s) => s.project.meta.title)
  return (
    <aside className="present-panel" data-testid="present-panel" aria-label="Live views">
      <header className="present-head">
        <div className="present-picks" role="group" aria-label="Views to show">
          {LIVE_VIEW_LIST.map((v) => (
            <label key={v.id} className="present-pick">
              <input type="checkbox" checked={picked.includes(v.id)} onChange={() => useUi.getState().togglePresentView(v.id)} data-testid={`present-view-${v.id}`} /> {v.label}
            </label>
          ))}
        </div>
        <button type="button" data-testid="present-exit" onClick={() => useUi.getState().setPresenting(false)} title="Back to the designer (P or Esc)">
          Exit
        </button>
      </header>
      <div className="present-body training-panel">
        {runId ? (
          <>
            <h2 className="training-title">{title}</h2>
            {/* An epoch shown as it was (scrubbed before presenting, or here) keeps its way back to the present. */}
            <TimeScrubber />
            {/* The views before the controls: at a projector's 1024 × 768 the controls above them left
                the class the top of the first one (▶ Train and ❚❚ Pause stay in the toolbar). */}
            {LIVE_VIEW_LIST.filter((v) => picked.includes(v.id)).map(({ id }) => (
              <LiveViewPanel key={id} id={id} />
            ))}
            <Controls />
            {createPortal(<StepThroughView />, document.body)}
          </>
        ) : (
          <p className="muted">Press ▶ Train: the views you tick above appear here, large, while the network learns.</p>
        )}
      </div>
    </aside>
  )
}
