/**
 * A live view out of sight does not redraw: `LiveViewPanel` says whether its element is in
 * sight (`ViewInSight`), and the views read the training store with `useLiveTraining`, which
 * follows the store only while in sight. Out of sight (scrolled out of the panel, presentation
 * mode not showing it) a view keeps what it drew, and catches up with the store's latest the
 * moment it comes back into sight. Without it, the weights view's hundred receptive fields
 * redrew for every snapshot while the canvas's nodes kept the weights computed and the panel
 * showed the curves.
 */
import { useContext } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { useTraining, type TrainingState } from './trainingStore'
import { ViewInSight } from '../viz/inSight'

/** The training store without notifications: read when rendered for another reason, never a cause to render. */
const frozenTraining: StoreApi<TrainingState> = {
  getState: useTraining.getState,
  getInitialState: useTraining.getInitialState,
  setState: useTraining.setState,
  subscribe: () => () => undefined,
}

/** `useTraining(selector)` while the view is in sight; out of sight, the value of its last render. */
export function useLiveTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(useContext(ViewInSight) ? useTraining : frozenTraining, selector)
}
