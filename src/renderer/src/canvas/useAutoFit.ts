/**
 * The canvas keeps the network whole and as large as the room allows: it fits the view when a
 * project is loaded, when a panel or the example card folds or opens, and when the canvas
 * itself changes size. Those automatic fits wait while the user aims at the canvas
 * (`pointerAim.ts`): a node never moves from under a click.
 */
import { useCallback, useEffect, useRef } from 'react'
import { getViewportForBounds, useReactFlow, type FitViewOptions, type ReactFlowInstance } from '@xyflow/react'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { canvasSize, cardCrowdsNetwork, fitOptions, topPanelsCoverNetwork } from './fit'
import { scheduleFit } from './fitTracking'
import { trackPointerAim } from './pointerAim'
import { stepFocusShowing } from './useRevealNode'

/**
 * A fit is one move, to where the network fits and the step-through's current layer (stage by
 * stage) is in view above its dialog. Not React Flow's fitView and then a reveal: overlapping
 * fitViews share one promise, which may resolve as an earlier fit lands while this one is still
 * moving (the reveal then measured a moving canvas and left the layer under the dialog at a
 * projector), and one that a later move interrupts never resolves.
 */
function fitInOneMove(flow: ReactFlowInstance, options: FitViewOptions): Promise<boolean> {
  const nodes = flow.getNodes()
  const { width, height } = canvasSize()
  if (nodes.length === 0 || width === 0) return Promise.resolve(false)
  const fitted = getViewportForBounds(flow.getNodesBounds(nodes), width, height, options.minZoom ?? 0.2, options.maxZoom ?? 1, options.padding ?? 0.1)
  return flow.setViewport(stepFocusShowing(fitted) ?? fitted, { duration: options.duration })
}

export function useAutoFit(): void {
  const flow = useReactFlow()
  const fitView = useCallback((options: FitViewOptions) => fitInOneMove(flow, options), [flow])
  // Aiming is known from the first move, not only from the first fit that waits on it.
  useEffect(trackPointerAim, [])
  const loadSerial = useDocument((s) => s.loadSerial)
  const fitRequests = useUi((s) => s.fitRequests)
  // Fit when asked (Fit, Tidy: toolbar, keys and the desktop menu alike).
  useEffect(() => {
    if (fitRequests === 0) return
    return scheduleFit(() => fitView(fitOptions(200)), 30)
  }, [fitRequests, fitView])
  // Fit the view whenever a project is loaded (new, open, example, recovery).
  useEffect(() => {
    if (loadSerial === 0 || useDocument.getState().project.nodes.length === 0) return
    return scheduleFit(() => {
      if (!cardCrowdsNetwork()) return fitView(fitOptions())
      // In a cramped window the explanation folds to its title (one click brings it back). The
      // fit to the folded card is part of this one, so the view never looks still in between.
      useUi.getState().setCardFolded(true)
      return afterFrames(2).then(() => fitView(fitOptions(200)))
    }, 80)
  }, [loadSerial, fitView])

  // Fit again when the canvas changes size because a panel folded, opened or widened, or the
  // example card folded: the network stays whole and as large as the room allows.
  const paletteOpen = useUi((s) => s.paletteOpen)
  const sidePanelOpen = useUi((s) => s.sidePanelOpen)
  const cardFolded = useUi((s) => s.cardFolded)
  // A compact window's drawer does not resize the canvas, but the network keeps clear of it (fit.ts).
  const drawer = useUi((s) => (s.compact ? s.drawer : null))
  // (Not the side panel's tab: the resize it brings is fitted below, at once.)
  const layoutKey = `${paletteOpen}/${sidePanelOpen}/${cardFolded}/${drawer}`
  const firstLayout = useRef(layoutKey)
  useEffect(() => {
    if (layoutKey === firstLayout.current || useDocument.getState().project.nodes.length === 0) return
    firstLayout.current = layoutKey
    return scheduleFit(() => fitView(fitOptions(200)), 60, { waitForPointer: true })
  }, [layoutKey, fitView])

  // Fit again whenever the canvas itself changes size (the training panel widens, the window or
  // the interface zoom changes, presentation mode): whatever caused it, the network stays whole.
  // And when what floats at the top grows over the network (the "Nodes show" toggle a run brings,
  // wrapped below the card in a narrow window, appeared over the first row of nodes).
  useEffect(() => {
    const el = document.querySelector('.canvas')
    const top = document.querySelector('.canvas-top')
    if (!el) return
    let last = { width: el.clientWidth, height: el.clientHeight }
    let cancel = () => {}
    let fittedTab = useUi.getState().sideTab
    const refit = () => {
      cancel()
      cancel = scheduleFit(() => {
        // A tab switch (the training panel is wider) fits at once: an animated fit re-renders the
        // canvas for 200 ms, every click, while a fast run trains.
        const tab = useUi.getState().sideTab
        const duration = tab === fittedTab ? 200 : 0
        fittedTab = tab
        if (useDocument.getState().project.nodes.length > 0) return fitView(fitOptions(duration))
      }, 80, { waitForPointer: true })
    }
    const observer = new ResizeObserver(() => {
      const now = { width: el.clientWidth, height: el.clientHeight }
      if (Math.abs(now.width - last.width) < 2 && Math.abs(now.height - last.height) < 2) {
        if (topPanelsCoverNetwork()) refit()
        return
      }
      last = now
      refit()
    })
    observer.observe(el)
    if (top) observer.observe(top)
    return () => {
      observer.disconnect()
      cancel()
    }
  }, [fitView])
}

/** Resolves after `n` animation frames (React has drawn what the last store change asked for). */
function afterFrames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (--n <= 0 ? resolve() : requestAnimationFrame(tick))
    requestAnimationFrame(tick)
  })
}
