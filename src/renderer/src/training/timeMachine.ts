/**
 * The training time machine on the screen: which epochs the run has recorded, and which one the
 * views and the canvas show instead of the present. Replaying swaps the training store's view
 * payloads for the engine's replay of that epoch, keeping the present's to go back to. While
 * the run trains, the replay stays: each new snapshot updates the present kept aside (and the
 * curves, which are histories), the replayed views stay on screen until the user goes back to
 * the present; a step taken while paused brings the present back.
 */
import { useMemo } from 'react'
import { create } from 'zustand'
import type { ViewPayloads } from '../../../engine/host/training'
import { getEngineConnection } from '../engineClient'
import { trainingControls, useTraining, type TrainingState } from './trainingStore'

export interface ReplayState {
  /** The epochs the engine holds for this run, oldest first (0 = the initial network). */
  recorded: number[]
  /** The epoch shown, or null for the present. */
  epoch: number | null
  /** Updates applied by the end of the shown epoch. */
  iteration: number
  /** The present's view payloads, while an epoch is shown (kept up to date as the run goes on). */
  live: Partial<ViewPayloads> | null
  /** The shown epoch's view payloads (what stays on screen while snapshots arrive). */
  frame: Partial<ViewPayloads> | null
  error: string | null
}

const NONE: ReplayState = { recorded: [], epoch: null, iteration: 0, live: null, frame: null, error: null }
export const useReplay = create<ReplayState>()(() => NONE)

/** The run (and reset generation) the recorded list belongs to, the snapshot last seen, and the epoch the list was last asked at. */
let seen = { run: '', seq: -1, state: '', iteration: 0, listedAt: -1 }
let asked = 0
let asking = false

const runOf = (s: TrainingState) => (s.runId && s.snapshot ? `${s.runId}#${s.snapshot.generation}` : '')

async function engine() {
  return (await getEngineConnection()).engine
}

/** Asks the engine which epochs the run holds now (the answer is dropped if the run moved on). */
async function refreshRecorded(runId: string, run: string): Promise<void> {
  const ask = ++asked
  asking = true
  try {
    const recorded = await (await engine()).recordedEpochs(runId)
    if (ask === asked && runOf(useTraining.getState()) === run) useReplay.setState({ recorded })
  } catch {
    // A run the engine no longer has (stopped, engine restarted) has nothing to replay.
    if (ask === asked) useReplay.setState({ recorded: [] })
  } finally {
    if (ask === asked) asking = false
  }
}

/** Shows epoch `epoch` as it was (null: the present) in every view and on the canvas. */
export async function replayEpoch(epoch: number | null): Promise<void> {
  const { runId } = useTraining.getState()
  const replay = useReplay.getState()
  if (!runId) return
  if (epoch === null) {
    if (replay.live) useTraining.setState({ views: replay.live })
    useReplay.setState({ epoch: null, live: null, frame: null, error: null })
    return
  }
  try {
    const frame = await (await engine()).replay(runId, epoch)
    if (useTraining.getState().runId !== runId) return
    const live = useReplay.getState().live ?? useTraining.getState().views
    useTraining.setState({ views: { ...live, ...frame.views } })
    useReplay.setState({ epoch, iteration: frame.iteration, live, frame: frame.views, error: null })
  } catch (error) {
    useReplay.setState({ error: error instanceof Error ? error.message : String(error) })
  }
}

/**
 * Opens the step-through of training row `index`. It traces the network as it is now (and Apply
 * update changes it), so an epoch shown as it was goes back to the present first: the views, the
 * canvas and the step-through show one network, as after a step.
 */
export async function openStepThrough(index: number): Promise<void> {
  await replayEpoch(null)
  await trainingControls.trace(index)
}

/**
 * Saves the network as it is now as model JSON. An epoch shown as it was goes back to the present
 * first: the file holds the present's weights, and the canvas and views then show them too.
 */
export async function exportModelNow(): Promise<void> {
  await replayEpoch(null)
  await trainingControls.exportModel()
}

/** Where the shown epoch ended, as a marker for the curves (null while the present is shown). */
export function useReplayMarker(): { x: number; label: string } | null {
  const epoch = useReplay((s) => s.epoch)
  const iteration = useReplay((s) => s.iteration)
  return useMemo(() => (epoch === null ? null : { x: iteration, label: `shown: epoch ${epoch}` }), [epoch, iteration])
}

/**
 * Follows the training store: a new run starts a new list; a stale run ends a replay. A new
 * snapshot updates the present kept aside while an epoch is shown (a step taken while paused
 * shows the present again), and the list of recorded epochs when the run is not training or
 * has finished an epoch since.
 */
function follow(s: TrainingState): void {
  const run = runOf(s)
  const snap = s.snapshot
  if (run !== seen.run) {
    seen = { run, seq: -1, state: '', iteration: 0, listedAt: -1 }
    useReplay.setState(NONE)
  }
  // A canvas changed since the run started hides the scrubber: the views go back to the present with it.
  const shownLive = useReplay.getState().live
  if (s.stale && shownLive) {
    useReplay.setState({ epoch: null, live: null, frame: null, error: null })
    useTraining.setState({ views: shownLive })
    return
  }
  if (!snap || snap.seq === seen.seq) return
  const stepped = snap.state !== 'running' && seen.state !== 'running' && snap.iteration !== seen.iteration
  seen = { ...seen, seq: snap.seq, state: snap.state, iteration: snap.iteration }
  const { live, frame } = useReplay.getState()
  if (live) {
    const present = { ...live, ...snap.views }
    if (stepped) {
      useTraining.setState({ views: present })
      useReplay.setState({ epoch: null, live: null, frame: null })
    } else {
      useReplay.setState({ live: present })
      useTraining.setState({ views: { ...present, ...frame } })
    }
  }
  const newEpoch = snap.epoch !== seen.listedAt
  if (s.runId && (snap.state !== 'running' || (newEpoch && !asking))) {
    seen.listedAt = snap.epoch
    void refreshRecorded(s.runId, run)
  }
}

useTraining.subscribe(follow)
