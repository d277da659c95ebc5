import { useState } from 'react'
import { trainingControls, useTraining } from './trainingStore'
import { count, fmt } from './format'
import { stopMessage } from './stopMessage'

/** Speeds offered: updates per frame, 0 = full speed (snapshots latest-wins). */
const SPEEDS = [1, 5, 20, 100, 1000, 0]

/** Train / pause / resume, step, reset, speed, learning rate mid-run, and the counters. */
export function Controls() {
  const snapshot = useTraining((s) => s.snapshot)
  const info = useTraining((s) => s.info)
  const speed = useTraining((s) => s.speed)
  const [lr, setLr] = useState('')
  const state = snapshot?.state ?? 'paused'
  const running = state === 'running'
  const done = state === 'finished' || state === 'stopped' || state === 'failed'
  const ready = info !== null && snapshot !== null
  const optimizer = useTraining((s) => s.request?.spec.optimizer.id ?? null)
  const lastEpoch = useTraining((s) => s.curves.epochs.at(-1))
  return (
    <section className="train-controls" data-testid="train-controls">
      <div className="train-buttons">
        {running ? (
          <button type="button" data-testid="train-pause" onClick={() => void trainingControls.pause()}>
            ❚❚ Pause
          </button>
        ) : (
          <button type="button" className="primary" data-testid="train-resume" disabled={!ready || done} onClick={() => void trainingControls.resume()}>
            ▶ {snapshot && snapshot.iteration > 0 ? 'Resume' : 'Train'}
          </button>
        )}
        <button type="button" data-testid="train-reset" disabled={!ready} onClick={() => void trainingControls.reset()} title="Re-initialise the weights from the seed">
          ↺ Reset
        </button>
      </div>
      <div className="train-buttons" role="group" aria-label="Step">
        <span className="muted">Step</span>
        {(['example', 'batch', 'epoch'] as const).map((unit) => (
          <button key={unit} type="button" data-testid={`train-step-${unit}`} disabled={!ready || done} onClick={() => void trainingControls.step(unit)} title={`Advance one ${unit} and pause`}>
            {unit}
          </button>
        ))}
      </div>
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
        <label title="The learning rate η; applies from the next update">
          η
          <input
            data-testid="train-lr"
            type="number"
            step="any"
            min="0"
            placeholder={fmt(snapshot?.learningRate, 3)}
            value={lr}
            onChange={(e) => setLr(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              const v = Number(lr)
              if (lr !== '' && Number.isFinite(v) && v >= 0) void trainingControls.setLearningRate(v).then(() => setLr(''))
            }}
          />
        </label>
      </div>
      <dl className="train-counters" data-testid="train-counters">
        <div>
          <dt>Epoch</dt>
          <dd data-testid="counter-epoch">
            {snapshot ? count(snapshot.epoch) : '–'}
            {info ? <small> / {count(info.maxEpochs)}</small> : null}
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
          <dt className="greek">η</dt>
          <dd data-testid="counter-lr">{fmt(snapshot?.learningRate)}</dd>
        </div>
      </dl>
      <p className="train-state" data-testid="train-state" data-state={state}>
        {state === 'running' && 'Training…'}
        {state === 'paused' && (snapshot && snapshot.iteration > 0 ? 'Paused' : 'Ready: press Train or step through')}
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
    </section>
  )
}
