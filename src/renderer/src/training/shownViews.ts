/**
 * Which live views are on screen, told to the engine so it computes only those
 * (`TrainingApi.showViews`). A view counts as shown while an element that draws it is in sight
 * (`useShownView`, an IntersectionObserver per element): a section of the training panel that
 * is not scrolled out of its panel, folded away or on a closed tab, a view presentation mode
 * shows, a dense node of the canvas inside the canvas's viewport; nothing while the browser
 * tab is in the background (`viewVisibility.ts` keeps the count). Changes are sent once they
 * settle (debounced, not per scroll step), and only when the set differs from what the run
 * was last told. A view with a payload coming into sight (a tab switch, a scroll) wants the run
 * as it is now, so the snapshots are not held for the drawing budget meanwhile
 * (`snapshotPacing`): its picture is brought up to date at once, not at the budget's next turn.
 */
import { useEffect, useState } from 'react'
import { LIVE_VIEWS, type ViewId } from '../../../engine/views/registry'
import { getEngineConnection } from '../engineClient'
import { snapshotPacing, useTraining } from './trainingStore'
import { debounced, ViewVisibility } from './viewVisibility'

/** How long the views in sight must stay unchanged before the engine hears of them. */
const SETTLE_MS = 120

const visibility = new ViewVisibility()
/** `runId views…` the engine was last told (at the start of the run or since). */
let told = ''

/** The live views on screen now, in registry order. */
export function shownViews(): ViewId[] {
  return visibility.shown()
}

/** Record that the run `runId` was started with `views` (so only a change is sent). */
export function toldViews(runId: string, views: readonly ViewId[]): void {
  told = `${runId} ${views.join(' ')}`
}

function tellEngine(): void {
  const { runId, info } = useTraining.getState()
  if (!runId || !info) return
  const views = shownViews()
  const key = `${runId} ${views.join(' ')}`
  if (key === told) return
  told = key
  // A run stopped meanwhile has nothing to show: its refusal is not the user's concern.
  void snapshotPacing.urgently(() => getEngineConnection().then((c) => c.engine.showViews(runId, views))).catch(() => undefined)
}

/** Tell the current run which views are on screen once they settle, when that changed. */
export const sendShownViews = debounced(tellEngine, SETTLE_MS)

let observer: IntersectionObserver | null = null
/** Who hears whether an element is in sight (`useShownViewInSight`). */
const sightListeners = new Map<Element, (inSight: boolean) => void>()

/** The one observer of every view element (null where the platform has none: then all count as in sight). */
function viewObserver(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null
  observer ??= new IntersectionObserver((entries) => {
    let changed = false
    let cameWithPayload = false
    for (const e of entries) {
      const id = visibility.viewOf(e.target)
      if (id && e.isIntersecting && !visibility.inSight(e.target) && 'computeFor' in LIVE_VIEWS[id]) cameWithPayload = true
      changed = visibility.setInSight(e.target, e.isIntersecting) || changed
      sightListeners.get(e.target)?.(e.isIntersecting)
    }
    if (cameWithPayload) snapshotPacing.hurry()
    if (changed) sendShownViews()
  })
  return observer
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    visibility.setPageVisible(document.visibilityState === 'visible')
    sendShownViews()
  })
}

/**
 * Counts view `id` (when not null) as on screen while the element given the returned callback
 * ref is mounted and in sight, or whatever its sight while `held` (a view with nothing drawn
 * yet: its size, and so whether it would be in sight, is known once it is drawn).
 */
export function useShownView(id: ViewId | null, held = false): (el: Element | null) => void {
  return useShownViewInSight(id, held)[0]
}

/**
 * `useShownView`, and whether the element is in sight now, for drawing only what can be seen:
 * false until the observer first says (it does before the next frame but one; a panel opened
 * with its views below the fold then paints none of them), true where there is no observer.
 */
export function useShownViewInSight(id: ViewId | null, held = false): [(el: Element | null) => void, boolean] {
  const [el, setEl] = useState<Element | null>(null)
  const [inSight, setInSight] = useState(false)
  useEffect(() => {
    if (!el) return
    if (!viewObserver()) setInSight(true)
    sightListeners.set(el, setInSight)
    return () => void sightListeners.delete(el)
  }, [el])
  useEffect(() => {
    if (el && visibility.setHeld(el, held)) sendShownViews()
  }, [el, held])
  useEffect(() => {
    if (!id || !el) return
    visibility.add(el, id, held)
    const watch = viewObserver()
    if (watch) watch.observe(el)
    else visibility.setInSight(el, true)
    sendShownViews()
    return () => {
      watch?.unobserve(el)
      visibility.remove(el)
      sendShownViews()
    }
    // `held` at mount only: its changes are the effect above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, el])
  return [setEl, inSight]
}
