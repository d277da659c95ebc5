import { createPortal } from 'react-dom'
import '../training/training.css'
import { useUi, type PresentView } from '../store/uiStore'
import { useTraining } from '../training/trainingStore'
import { useDocument } from '../store/documentStore'
import { Controls } from '../training/Controls'
import { CurvesView } from '../training/CurvesView'
import { BoundaryView } from '../training/BoundaryView'
import { HiddenCodes } from '../training/HiddenCodes'
import { WeightsView } from '../training/WeightsView'
import { GradientsView } from '../training/GradientsView'
import { ConfusionView } from '../training/ConfusionView'
import { StepThroughView } from '../training/StepThroughView'

/** The views a teacher can put beside the canvas, in the order they are shown. */
const VIEWS: { id: PresentView; label: string; View: () => React.ReactNode }[] = [
  { id: 'curves', label: 'Loss curves', View: CurvesView },
  { id: 'boundary', label: 'Decision boundary', View: BoundaryView },
  { id: 'codes', label: 'Hidden activations', View: HiddenCodes },
  { id: 'weights', label: 'Weights', View: WeightsView },
  { id: 'gradients', label: 'Gradients', View: GradientsView },
  { id: 'confusion', label: 'Confusion matrix', View: ConfusionView },
]

/**
 * Presentation mode's right-hand side (P): the run's controls and the live views the teacher
 * picked, large, beside the canvas. Palette and inspector are hidden meanwhile.
 */
export function PresentationPanel() {
  const picked = useUi((s) => s.presentViews)
  const runId = useTraining((s) => s.runId)
  const title = useDocument((s) => s.project.meta.title)
  return (
    <aside className="present-panel" data-testid="present-panel" aria-label="Live views">
      <header className="present-head">
        <div className="present-picks" role="group" aria-label="Views to show">
          {VIEWS.map((v) => (
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
            <Controls />
            {VIEWS.filter((v) => picked.includes(v.id)).map(({ id, View }) => (
              <View key={id} />
            ))}
            {createPortal(<StepThroughView />, document.body)}
          </>
        ) : (
          <p className="muted">Press ▶ Train: the views you tick above appear here, large, while the network learns.</p>
        )}
      </div>
    </aside>
  )
}
