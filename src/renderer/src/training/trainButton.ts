/**
 * The Train button's face, the same in the toolbar and the panel: what pressing it does now
 * (train, pause, resume) and, for the toolbar, what is running at a glance.
 */
import { selectCanTrain, useDocument } from '../store/documentStore'
import { useTraining, type TrainingState } from './trainingStore'
import { count } from './format'
import type { RunInfo } from '../../../engine/host/training'

export type TrainAction = 'train' | 'pause' | 'resume'

/** What the one Train command does in this state (`trainingControls.train`, or pause while running). */
export function trainActionOf(s: Pick<TrainingState, 'runId' | 'info' | 'stale' | 'snapshot'>): TrainAction {
  const current = s.runId !== null && s.info !== null && !s.stale
  if (current && s.snapshot?.state === 'running') return 'pause'
  if (current && s.snapshot?.state === 'paused' && s.snapshot.iteration > 0) return 'resume'
  return 'train'
}

export const TRAIN_LABEL: Record<TrainAction, string> = { train: '▶ Train', pause: '❚❚ Pause', resume: '▶ Resume' }

/**
 * The button's action, whether it can be pressed (a graph that compiles) and whether a run is
 * being set up (`busy`: shown as `aria-disabled`, not `disabled`, so the keyboard's focus stays
 * on the button and the next Enter pauses the run it started; a press meanwhile does nothing).
 */
export function useTrainButton(): { action: TrainAction; disabled: boolean; busy: boolean } {
  const canTrain = useDocument(selectCanTrain)
  const action = useTraining(trainActionOf)
  const busy = useTraining((s) => s.starting)
  return { action, disabled: !canTrain && action !== 'pause', busy }
}

/** How long the run goes, as the toolbar and the epoch counter say it: "of 100", "until solved". */
export function runLengthOf(info: Pick<RunInfo, 'maxEpochs' | 'until'>): string {
  return info.until ? `until ${info.until}` : `of ${count(info.maxEpochs)}`
}

/** One line for the toolbar: "Training · epoch 12 · until solved", "Paused · epoch 3 · of 100" …; null without a run. */
export function runStatusOf(s: Pick<TrainingState, 'runId' | 'snapshot' | 'stale' | 'starting' | 'info'>): string | null {
  if (!s.runId) return null
  if (s.starting) return 'Starting…'
  const snap = s.snapshot
  if (!snap) return null
  if (s.stale) return 'Network changed since this run'
  const epoch = `epoch ${count(snap.epoch)}`
  const length = s.info ? ` · ${runLengthOf(s.info)}` : ''
  switch (snap.state) {
    case 'running':
      return `Training · ${epoch}${length}`
    case 'paused':
      return snap.iteration > 0 ? `Paused · ${epoch}${length}` : 'Ready to train'
    case 'finished':
      return snap.stopReason === 'solved' ? `Solved · ${epoch}` : `Finished · ${epoch}`
    case 'failed':
      return `Failed · ${epoch}`
    case 'stopped':
      return 'Stopped'
  }
}
