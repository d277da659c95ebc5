import { useDocument } from '../store/documentStore'
import { trainingControls, useTraining } from '../training/trainingStore'

/**
 * While a run exists: what the dense nodes show — the weights w, or the last gradient ∂E/∂w
 * (heatmaps and unit links alike, on the same blue ↔ orange scale).
 */
export function CanvasTintToggle() {
  const loadSerial = useDocument((s) => s.loadSerial)
  const hasRun = useTraining((s) => s.snapshot !== null && (s.info?.layers.length ?? 0) > 0 && s.docSerial === loadSerial)
  const tint = useTraining((s) => s.canvasTint)
  if (!hasRun) return null
  return (
    <div className="canvas-tint segmented" role="radiogroup" aria-label="Nodes show" data-testid="canvas-tint">
      <span className="muted">Nodes show</span>
      {(['weights', 'gradients'] as const).map((t) => (
        <button key={t} type="button" role="radio" aria-checked={tint === t} data-testid={`canvas-tint-${t}`} onClick={() => trainingControls.setCanvasTint(t)}>
          {t === 'weights' ? 'weights w' : 'gradients ∂E/∂w'}
        </button>
      ))}
    </div>
  )
}
