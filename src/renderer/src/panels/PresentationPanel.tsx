import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import '../training/training.css'
import './presentation.css'
import { useUi } from '../store/uiStore'
import { useTraining } from '../training/trainingStore'
import { useDocument } from '../store/documentStore'
import { useLesson } from '../lessons/lessonStore'
import { Controls } from '../training/Controls'
import { TimeScrubber } from '../training/TimeScrubber'
import { LIVE_VIEW_LIST, LiveViewPanel } from '../training/viewComponents'
import { presentOrder } from './presentOrder'

/**
 * Presentation mode's right-hand side (P): the run's controls and the live views the teacher
 * picked, large, beside the canvas (only those are computed). Palette and inspector are hidden meanwhile.
 */
export function PresentationPanel() {
  const picked = useUi((s) => s.presentViews)
  const runId = useTraining((s) => s.runId)
  const plane = useTraining((s) => Boolean(s.info?.plane))
  const probe = useTraining((s) => Boolean(s.info?.probe))
  const network = useDocument((s) => s.project.meta.title)
  // A lesson presented is named as the class knows it (its network, an example's, in the tooltip).
  const lesson = useLesson((s) => s.lesson?.title)
  const title = lesson ?? network
  return (
    <aside className={`present-panel${runId ? '' : ' is-idle'}`} data-testid="present-panel" aria-label="Live views">
      {/* The title beside Exit, not above the views: a short panel kept one more line for the class. */}
      <header className="present-head">
        <h2 className="present-title" data-testid="present-title" title={lesson ? `${lesson} — the network: ${network}` : network}>
          {title}
        </h2>
        <ViewPicks />
        <button type="button" className="present-exit" data-testid="present-exit" onClick={() => useUi.getState().setPresenting(false)} title="Back to the designer (P or Esc)">
          Exit
        </button>
      </header>
      <div className="present-body training-panel">
        {runId ? (
          <>
            {/* An epoch shown as it was (scrubbed before presenting, or here) keeps its way back to the present. */}
            <TimeScrubber />
            {/* The views before the controls: at a projector's 1024 × 768 the controls above them left
                the class the top of the first one (▶ Train and ❚❚ Pause stay in the toolbar). */}
            {presentOrder(picked, { plane, probe }).map((id) => (
              <LiveViewPanel key={id} id={id} />
            ))}
            <Controls />
          </>
        ) : (
          <p className="muted">Press ▶ Train: the views you choose above appear here, large, while the network learns.</p>
        )}
      </div>
    </aside>
  )
}

/**
 * The views to present, a tick each. Where the panel is short (a projector's 1024 × 768) they
 * fold under "Views ▾" and drop over the panel when it is pressed (training.css), all of them in
 * sight: in one line they scrolled sideways with no scrollbar, and wrapped they took three lines
 * from the class. Escape or a press elsewhere folds them again.
 */
function ViewPicks() {
  const picked = useUi((s) => s.presentViews)
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && !toggle.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer, true)
    return () => document.removeEventListener('pointerdown', onPointer, true)
  }, [open])
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return
    // Not the window's Escape too (it ends presentation mode).
    e.stopPropagation()
    setOpen(false)
    toggle.current?.focus()
  }
  return (
    <>
      <button type="button" ref={toggle} className="present-views-toggle" data-testid="present-views-toggle" aria-expanded={open} aria-controls="present-picks" onClick={() => setOpen(!open)} onKeyDown={onKey}>
        Views ▾
      </button>
      <div ref={box} id="present-picks" className={`present-picks${open ? ' is-open' : ''}`} role="group" aria-label="Views to show" onKeyDown={onKey}>
        {LIVE_VIEW_LIST.map((v) => (
          <label key={v.id} className="present-pick">
            <input type="checkbox" checked={picked.includes(v.id)} onChange={() => useUi.getState().togglePresentView(v.id)} data-testid={`present-view-${v.id}`} /> {v.label}
          </label>
        ))}
      </div>
    </>
  )
}
