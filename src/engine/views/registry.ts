/**
 * The live views, in the order the panels show them: the single list. `ViewId` is its keys;
 * the renderer draws each with the component registered under the same id
 * (`src/renderer/src/training/viewComponents.ts`), and presentation mode offers them all.
 */
import type { LiveView, ViewCompute } from './liveView'
import type { RunInfo } from '../host/trainingTypes'
import { curvesView } from './curves'
import { boundaryView } from './boundary'
import { hiddenCodesView } from './hiddenCodes'
import { weightsView } from './weights'
import { gradientsView } from './gradients'
import { confusionView } from './confusion'

export const LIVE_VIEWS = {
  curves: curvesView,
  boundary: boundaryView,
  codes: hiddenCodesView,
  weights: weightsView,
  gradients: gradientsView,
  confusion: confusionView,
} satisfies Record<string, LiveView>

export type ViewId = keyof typeof LIVE_VIEWS

/** Every view id, in panel order. */
export const VIEW_IDS = Object.keys(LIVE_VIEWS) as ViewId[]

/** The payload each computed view puts in a snapshot (views without `computeFor` have none). */
export type ViewPayloads = {
  [K in ViewId as (typeof LIVE_VIEWS)[K] extends { computeFor: unknown } ? K : never]: (typeof LIVE_VIEWS)[K] extends { computeFor: (info: RunInfo) => ViewCompute<infer P> | null } ? P : never
}

/** The ids of views with a payload. */
export type PayloadViewId = keyof ViewPayloads

export function isViewId(id: unknown): id is ViewId {
  return typeof id === 'string' && Object.hasOwn(LIVE_VIEWS, id)
}
