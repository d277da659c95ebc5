/**
 * What an export of the trained network says after the engine restarted under the training run:
 * the run's weights went with the engine, so nothing trained is left to save. The canvas alone
 * would be saved untrained; instead the user is told to train again or to put back the run the
 * Runs tab kept with its trained weights (a run is recorded with them when it finishes or starts
 * over, runRecorder.ts), naming it.
 */
import type { RunRecord } from '../../../engine/experiments/runHistory'

/** True when the panel's run was lost in an engine restart (`runLost`: its info cleared, the id kept). */
export function isRunLost(s: { runId: string | null; info: unknown; starting: boolean }): boolean {
  return s.runId !== null && s.info === null && !s.starting
}

/** The newest run of the history kept with its trained weights, if any. */
function keptRun(runs: readonly RunRecord[] | undefined): RunRecord | undefined {
  return [...(runs ?? [])].reverse().find((r) => r.weights !== undefined)
}

/** Why there are no trained weights to save after the restart, and where they can be had. */
export function lostRunAdvice(runs: readonly RunRecord[] | undefined): string {
  const kept = keptRun(runs)
  const restore = kept ? `, or put “${kept.name}”, kept with its trained weights, back on the canvas (Experiments › Runs › Restore) and export it` : ''
  return `the engine stopped and was restarted, and the training run went with it: train the network again (▶ Train)${restore}`
}
