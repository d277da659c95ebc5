/**
 * A live view out of sight does not redraw: `LiveViewPanel` says whether its element is in
 * sight (`ViewInSight`), and the views read the training store with `useLiveTraining`, which
 * follows the store only while in sight. Out of sight (scrolled out of the panel, presentation
 * mode not showing it) a view keeps what it drew, and catches up with the store's latest the
 * moment it comes back into sight. Without it, the weights view's hundred receptive fields
 * redrew for every snapshot while the canvas's nodes kept the weights computed and the panel
 * showed the curves. Another run (a new one, a reset, none) is the exception: out of sight too,
 * a view then follows the store at once, so that no view ever shows another run's data (a
 * student switching tab after Reset saw the old run's weights until the view caught up).
 */
import { useContext } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { useTraining, type TrainingState } from './trainingStore'
import { ViewInSight } from '../viz/inSight'

/** Which run, and which start of it (a reset starts a new generation), the store's data is of. */
const runOf = (s: TrainingState): string => `${s.runId} ${s.snapshot?.generation ?? ''}`

/** The training store notifying only when its data becomes another run's: read when rendered for another reason. */
const frozenTraining: StoreApi<TrainingState> = {
  getState: useTraining.getState,
  getInitialState: useTraining.getInitialState,
  setState: useTraining.setState,
  subscribe: (listener) => useTraining.subscribe((s, before) => runOf(s) !== runOf(before) && listener(s, before)),
}

/** `useTraining(selector)` while the view is in sight; out of sight, the value of its last render. */
export function useLiveTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(useContext(ViewInSight) ? useTraining : frozenTraining, selector)
}
