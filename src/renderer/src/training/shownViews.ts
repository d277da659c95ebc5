/**
 * Which live views are on screen, told to the engine so it computes only those
 * (`TrainingApi.showViews`). A view counts as shown while a component that draws it is mounted
 * (`useShownView`): a section of the training panel while that tab is open, a view presentation
 * mode shows, the live weights on a dense node of the canvas. Changes are sent once per frame at
 * most, and only when the set differs from what the run was last told.
 */
import { useEffect } from 'react'
import { VIEW_IDS, type ViewId } from '../../../engine/views/registry'
import { getEngineConnection } from '../engineClient'
import { useTraining } from './trainingStore'

const mounted = new Map<ViewId, number>()
/** `runId views…` the engine was last told (at the start of the run or since). */
let told = ''
let pending = false

/** The live views on screen now, in registry order. */
export function shownViews(): ViewId[] {
  return VIEW_IDS.filter((id) => (mounted.get(id) ?? 0) > 0)
}

/** Record that the run `runId` was started with `views` (so only a change is sent). */
export function toldViews(runId: string, views: readonly ViewId[]): void {
  told = `${runId} ${views.join(' ')}`
}

/** Tell the current run which views are on screen, on the next frame, when that changed. */
export function sendShownViews(): void {
  if (pending) return
  pending = true
  requestAnimationFrame(() => {
    pending = false
    const { runId, info } = useTraining.getState()
    if (!runId || !info) return
    const views = shownViews()
    const key = `${runId} ${views.join(' ')}`
    if (key === told) return
    told = key
    // A run stopped meanwhile has nothing to show: its refusal is not the user's concern.
    void getEngineConnection()
      .then((c) => c.engine.showViews(runId, views))
      .catch(() => undefined)
  })
}

/** Counts `id` (when not null) as on screen while the calling component is mounted. */
export function useShownView(id: ViewId | null): void {
  useEffect(() => {
    if (!id) return
    mounted.set(id, (mounted.get(id) ?? 0) + 1)
    sendShownViews()
    return () => {
      mounted.set(id, (mounted.get(id) ?? 1) - 1)
      sendShownViews()
    }
  }, [id])
}
