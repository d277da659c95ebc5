/**
 * The renderer's half of the live-view registry (`src/engine/views/registry.ts`): the component
 * that draws each view, by the same id (the compiler insists on one per view). `LiveViewPanel`
 * draws one and counts it as on screen while it is in sight, so the engine computes its payload
 * only then.
 */
import type { ReactNode } from 'react'
import { LIVE_VIEWS, VIEW_IDS, type ViewId } from '../../../engine/views/registry'
import { CurvesView } from './CurvesView'
import { BoundaryView } from './BoundaryView'
import { HiddenCodes } from './HiddenCodes'
import { WeightsView } from './WeightsView'
import { GradientsView } from './GradientsView'
import { ConfusionView } from './ConfusionView'
import { useShownView } from './shownViews'
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
 * the snapshot that last carried its payload.
 */
export function LiveViewPanel({ id }: { id: ViewId }) {
  const computedAt = useTraining((s) => s.viewsAt[id])
  const inSight = useShownView(id, computedAt === undefined)
  const View = VIEW_COMPONENTS[id]
  return (
    <div ref={inSight} className="live-view" data-testid={`live-view-${id}`} data-computed-at={computedAt ?? ''}>
      <View />
    </div>
  )
}
