import { useState } from 'react'
import { trainingControls, useTraining } from './trainingStore'
import { count, fmt } from './format'
import { stopMessage } from './stopMessage'
import { TRAIN_LABEL, useTrainButton } from './trainButton'
import { selectCanTrain, useDocument } from '../store/documentStore'

/** Speeds offered: updates per frame, 0 = full speed (snapshots latest-wins). */
const SPEEDS = [1, 5, 20, 100, 1000, 0]

/** Train / pause / resume, step, reset, speed, learning rate mid-run, and the counters. */
export function Controls() {
  const stale = useTraining((s) => s.stale)
  const backBy = useTraining((s) => s.backBy)
  const speed = useTraining((s) => s.speed)
  return (
    <section className="train-controls" data-testid="train-controls">
      <TrainButtons />
      <div className="train-settings">
        <label>
          Speed
          <select data-testid="train-speed" value={speed} onChange={(e) => void trainingControls.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? 'full speed' : `${s} update${s === 1 ? '' : 's'}/frame`}
              </option>
            ))}
          </select>
        </label>
        <LearningRateField />
      </div>
      <Counters />
      {stale && (
        <p className="muted" data-testid="train-stale">
          The network on the canvas has changed since this run started: ▶ Train starts again with it{backBy ? ` (${backBy} brings this run back)` : ''}.
        </p>
      )}
      <RunStateLine />
    </section>
  )
}

/** Train / Pause / Resume, Reset, and one example, batch or epoch at a time. */
function TrainButtons() {
  const snapshot = useTraining((s) => s.snapshot)
  const stale = useTraining((s) => s.stale)
  const hasRun = useTraining((s) => s.runId !== null)
  const canTrain = useDocument(selectCanTrain)
  const train = useTrainButton()
  const state = snapshot?.state ?? 'paused'
  const done = !stale && (state === 'finished' || state === 'stopped' || state === 'failed')
  return (
    <>
    <div className="train-buttons">
      <button
        type="button"
        className={train.action === 'pause' ? undefined : 'primary'}
        data-testid={train.action === 'pause' ? 'train-pause' : 'train-resume'}
        data-action={train.action}
        disabled={train.disabled}
        aria-disabled={train.busy || undefined}
        onClick={() => {
          if (!train.busy) void (train.action === 'pause' ? trainingControls.pause() : trainingControls.train())
        }}
      >
        {TRAIN_LABEL[train.action]}
      </button>
      <button type="button" data-testid="train-reset" disabled={!hasRun || !canTrain} onClick={() => void trainingControls.reset()} title="Re-initialise the weights from the seed">
        ↺ Reset
      </button>
    </div>
    <div className="train-buttons" role="group" aria-label="Step">
      <span className="muted">Step</span>
      {(['example', 'batch', 'epoch'] as const).map((unit) => (
        <button key={unit} type="button" data-testid={`train-step-${unit}`} disabled={!canTrain || done} onClick={() => void trainingControls.step(unit)} title={`Advance one ${unit} and pause`}>
          {unit}
        </button>
      ))}
    </div>
    </>
  )
}

/** Epoch, iteration, examples and η of the latest snapshot (the run's η: named so while the canvas has changed since). */
function Counters() {
  const snapshot = useTraining((s) => s.snapshot)
  const info = useTraining((s) => s.info)
  const stale = useTraining((s) => s.stale)
  return (
    <dl className="train-counters" data-testid="train-counters">
      <div>
        <dt>Epoch</dt>
        <dd data-testid="counter-epoch">
          {snapshot ? count(snapshot.epoch) : '–'}
          {info ? <small data-testid="counter-run-length"> {info.until ? `· until ${info.until}` : `/ ${count(info.maxEpochs)}`}</small> : null}
        </dd>
      </div>
      <div>
        <dt>Iteration</dt>
        <dd data-testid="counter-iteration">{snapshot ? count(snapshot.iteration) : '–'}</dd>
      </div>
      <div>
        <dt>Examples</dt>
        <dd data-testid="counter-examples">{snapshot ? count(snapshot.examples) : '–'}</dd>
      </div>
      <div>
        <dt className="greek" data-testid="counter-lr-label">
          η{stale && <small> of this run</small>}
        </dt>
        <dd data-testid="counter-lr" title={stale ? 'The η this run trained with; the η field above is the canvas’s, for the next run' : 'The η of the latest update'}>
          {fmt(snapshot?.learningRate)}
        </dd>
      </div>
    </dl>
  )
}

/** What the run is doing, or why it stopped. */
function RunStateLine() {
  const snapshot = useTraining((s) => s.snapshot)
  const info = useTraining((s) => s.info)
  const canTrain = useDocument(selectCanTrain)
  const optimizer = useTraining((s) => s.request?.spec.optimizer.id ?? null)
  const lastEpoch = useTraining((s) => s.curves.epochs.at(-1))
  const starting = useTraining((s) => s.starting)
  const state = snapshot?.state ?? 'paused'
  return (
    <p className="train-state" data-testid="train-state" data-state={state}>
      {state === 'running' && 'Training…'}
      {/* Not "Ready: press Train" while a big network is being set up after Train was pressed. */}
      {state === 'paused' && starting && 'Starting…'}
      {state === 'paused' && !starting && (snapshot && snapshot.iteration > 0 ? 'Paused' : canTrain ? 'Ready: press Train or step through' : 'Fix the problems on the canvas to train')}
      {state === 'finished' &&
        snapshot &&
        info &&
        stopMessage({
          reason: snapshot.stopReason,
          epoch: snapshot.epoch,
          maxEpochs: info.maxEpochs,
          epochSize: info.epochSize,
          classification: info.classification,
          optimizer,
          loss: lastEpoch?.loss,
          accuracy: lastEpoch?.accuracy,
          restoredEpoch: snapshot.restoredEpoch,
        })}
      {state === 'stopped' && 'Stopped'}
      {state === 'failed' && <span className="error">{snapshot?.error ? `Stopped: ${snapshot.errorName ?? 'error'} (see above)` : 'Training failed'}</span>}
    </p>
  )
}

/**
 * η as the optimizer node has it, which is the value in force: typing a new one and pressing
 * Enter edits the node (undoable), and the run takes it from its next update.
 */
function LearningRateField() {
  // The node's, not the compiled network's: a graph with a problem (a loss changed mid-run) still has its η.
  const eta = useDocument((s) => s.project.nodes.find((n) => n.kind === 'optimizer')?.params.learningRate ?? null)
  // While the run on screen is not the canvas's network, the field's η is the next run's, not this one's.
  const stale = useTraining((s) => s.stale)
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    const v = Number(draft)
    if (draft !== null && draft.trim() !== '' && Number.isFinite(v) && v > 0) trainingControls.setLearningRate(v)
    setDraft(null)
  }
  return (
    <label
      data-testid="train-lr-label"
      title={stale ? 'The learning rate η of the network on the canvas (its optimizer node’s): the next run trains with it' : 'The learning rate η (the optimizer node’s); applies from the next update'}
    >
      η{stale && ' for the next run'}
      <input
        data-testid="train-lr"
        type="number"
        step="any"
        min="0"
        disabled={eta === null}
        value={draft ?? (eta === null ? '' : String(eta))}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') setDraft(null)
        }}
      />
    </label>
  )
}
