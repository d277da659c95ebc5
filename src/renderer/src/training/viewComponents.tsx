/**
 * The renderer's half of the live-view registry (`src/engine/views/registry.ts`): the component
 * that draws each view, by the same id (the compiler insists on one per view). `LiveViewPanel`
 * draws one and counts it as on screen while it is in sight, so the engine computes its payload
 * only then.
 */
import { memo, type ReactNode } from 'react'
import { LIVE_VIEWS, VIEW_IDS, type ViewId } from '../../../engine/views/registry'
import { CurvesView } from './CurvesView'
import { BoundaryView } from './BoundaryView'
import { HiddenCodes } from './HiddenCodes'
import { WeightsView } from './WeightsView'
import { GradientsView } from './GradientsView'
import { ConfusionView } from './ConfusionView'
import { useShownViewInSight } from './shownViews'
import { ViewInSight } from '../viz/inSight'
import { useTraining } from './trainingStore'

export const VIEW_COMPONENTS = {
  curves: CurvesView,
  boundary: BoundaryView,
  codes: HiddenCodes,
  weights: WeightsView,
  gradients: GradientsView,
  confusion: ConfusionView,
} satisfies Record<ViewId, () => ReactNode>

/** Every live view: id, label and component, in panel order. */
export const LIVE_VIEW_LIST = VIEW_IDS.map((id) => ({ id, label: LIVE_VIEWS[id].label, View: VIEW_COMPONENTS[id] }))

/**
 * Live view `id`, drawn from the run's latest snapshots and counted as on screen while in sight
 * (and until its first payload, which gives it its size); `data-computed-at` is the iteration of
 * the snapshot that last carried its payload. Out of sight it is not redrawn (`liveSight.ts`).
 */
export function LiveViewPanel({ id }: { id: ViewId }) {
  const computedAt = useTraining((s) => s.viewsAt[id])
  const [ref, inSight] = useShownViewInSight(id, computedAt === undefined)
  // A view waiting for its first payload draws it wherever it is (that gives it its size).
  const drawing = inSight || (Object.hasOwn(LIVE_VIEWS[id], 'computeFor') && computedAt === undefined)
  return (
    <div ref={ref} className={`live-view live-view-${id}`} data-testid={`live-view-${id}`} data-computed-at={computedAt ?? ''}>
      <ViewInSight.Provider value={drawing}>
        <LiveViewBody id={id} />
      </ViewInSight.Provider>
    </div>
  )
}

/** The view itself, redrawn by its own store reads only (not each time the panel's `data-computed-at` moves). */
const LiveViewBody = memo(function LiveViewBody({ id }: { id: ViewId }) {
  const View = VIEW_COMPONENTS[id]
  return <View />
})
