import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { StepThrough } from '../../../engine/host/training'
import type { RunInfo } from '../../../engine/host/trainingTypes'
import { trainingControls, useTraining } from './trainingStore'
import { fixed } from './format'
import { PHASE_TITLE, stepStages, type Stage as StepStage } from './stepStages'
import { useUi } from '../store/uiStore'
import { useWindowHeight } from '../useWindowHeight'
import { N, stepLines, terms } from './stepThroughParts'
import { ForwardLayer } from './StepThroughForward'
import { BackwardLayer } from './StepThroughBackward'

/**
 * The step-through of one example, unit by unit: forward (net = Σ w·x + b, out = f(net)), the
 * error E, backward (∂E/∂out, δ = ∂E/∂net, ∂E/∂w = δ·x) and the update w⁺ = w − η·∂E/∂w, each
 * with its formula and the engine's numbers filled in. Weights are numbered as in lecture 001.
 */
export function StepThroughView() {
  const st = useTraining((s) => s.stepThrough)
  const open = useTraining((s) => s.stepThroughOpen)
  const info = useTraining((s) => s.info)
  // Stage by stage (null: the whole page at once). The canvas highlights the current stage's layer.
  const [stage, setStage] = useState<number | null>(null)
  const stages = useMemo(() => (st ? stepStages(st) : []), [st])
  const dialog = useRef<HTMLDivElement>(null)
  const current = stage === null ? null : stages[Math.min(stage, stages.length - 1)]
  useStageKeys(open, stage, stages.length, setStage)
  const low = useLowWindow()
  useStageFocus(open, current, dialog, low)
  if (!open || !st || !info) return null
  const lines = stepLines(st)
  const { trace } = st
  const { dense } = lines
  const lossId = useTraining.getState().request?.spec.model.loss.id ?? 'halfSse'
  const outLayer = dense.at(-1)!
  const fusedDelta = (outLayer.activation === 'softmax' && lossId === 'softmaxCrossEntropy') || (outLayer.activation === 'sigmoid' && lossId === 'bce')
  return (
    <div className={`step-through-backdrop${current ? ' is-docked' : ''}${current && low ? ' is-side' : ''}`} onClick={() => trainingControls.closeTrace()}>
      <div className="step-through" role="dialog" aria-label="Step-through" data-testid="step-through" ref={dialog} onClick={(e) => e.stopPropagation()}>
        <StepThroughHeader st={st} info={info} stage={stage} stages={stages} setStage={setStage} />
        <GivenLine st={st} info={info} />
        <h3>Forward pass</h3>
        {dense.map((l, li) => (
          <ForwardLayer key={l.nodeId} lines={lines} li={li} />
        ))}
        <p className="st-line" data-testid="st-loss-line">
          <span className="st-lhs">E</span> = {lossId === 'halfSse' || lossId === 'mse' ? 'Σ ½(target − out)²' : lossId} ={' '}
          <N v={trace.loss} how="the error of this example, as the engine computed it" strong testId="st-loss" />
        </p>
        <h3>Backward pass</h3>
        {[...dense.keys()].reverse().map((li) => (
          <BackwardLayer key={dense[li].nodeId} lines={lines} li={li} fusedDelta={fusedDelta} />
        ))}
        <AfterLine st={st} />
      </div>
    </div>
  )
}

/** Lowest window, in interface pixels, with room for a layer above the dialog docked at the bottom. */
const LOW_WINDOW = 560

/** True while the window is lower than `LOW_WINDOW` at the interface zoom: the docked dialog goes to the side. */
function useLowWindow(): boolean {
  const zoom = useUi((s) => s.uiZoom)
  return useWindowHeight() / zoom < LOW_WINDOW
}

/** Escape closes; ← and → move between stages while stepping stage by stage. */
function useStageKeys(open: boolean, stage: number | null, count: number, setStage: (update: (k: number | null) => number | null) => void): void {
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        trainingControls.closeTrace()
      } else if (stage !== null && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        e.preventDefault()
        setStage((k) => Math.max(0, Math.min(count - 1, (k ?? 0) + (e.key === 'ArrowRight' ? 1 : -1))))
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [open, stage, count, setStage])
}

/** The current stage's line is marked and scrolled to (again when the dialog docks elsewhere: `side`), and its layer highlighted on the canvas. */
function useStageFocus(open: boolean, current: StepStage | null, dialog: RefObject<HTMLDivElement | null>, side: boolean): void {
  useEffect(() => {
    useUi.getState().setStepFocus(open && current ? { nodeId: current.nodeId, text: current.text, phase: current.phase } : null)
    const root = dialog.current
    if (!root) return
    root.querySelectorAll('.is-current').forEach((el) => el.classList.remove('is-current'))
    const line = current && root.querySelector(`[data-testid="${current.lineId}"]`)
    if (line) {
      line.classList.add('is-current')
      line.scrollIntoView({ block: 'nearest' })
    }
  }, [open, current, dialog, side])
  useEffect(() => () => useUi.getState().setStepFocus(null), [])
}

interface HeaderProps {
  st: StepThrough
  info: RunInfo
  stage: number | null
  stages: StepStage[]
  setStage: (stage: number | null) => void
}

/** The title, the stage stepper (or "Stage by stage"), the example picker, Apply update and close. */
function StepThroughHeader({ st, info, stage, stages, setStage }: HeaderProps) {
  const current = stage === null ? null : stages[Math.min(stage, stages.length - 1)]
  return (
    <header>
      <h2>Step through one example</h2>
      {current ? (
        <span className="st-stages" data-testid="st-stage" data-phase={current.phase}>
          <button type="button" data-testid="st-prev" disabled={stage === 0} onClick={() => setStage(Math.max(0, (stage ?? 0) - 1))} aria-label="Previous stage (←)">
            ◀
          </button>
          <span className="st-stage-name">
            {PHASE_TITLE[current.phase]} · {(stage ?? 0) + 1} / {stages.length}
          </span>
          <button type="button" data-testid="st-next" disabled={stage === stages.length - 1} onClick={() => setStage(Math.min(stages.length - 1, (stage ?? 0) + 1))} aria-label="Next stage (→)">
            ▶
          </button>
          <button type="button" data-testid="st-whole" onClick={() => setStage(null)} title="Show every step at once">
            Whole page
          </button>
        </span>
      ) : (
        <button type="button" data-testid="st-by-stage" onClick={() => setStage(0)} title="One stage at a time (← →), with the unit highlighted on the canvas">
          Stage by stage
        </button>
      )}
      {info.trainCount > 1 && (
        <label>
          example{' '}
          <select data-testid="st-sample" value={st.sampleIndex} onChange={(e) => void trainingControls.trace(Number(e.target.value))}>
            {Array.from({ length: Math.min(info.trainCount, 64) }, (_, i) => (
              <option key={i} value={i}>
                #{i + 1} {info.probe?.names[i] ?? ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" data-testid="st-apply" onClick={() => void trainingControls.applyTrace()} title="Apply this update to the network (one online step) and show the next one">
        Apply update
      </button>
      <button type="button" className="icon-button" aria-label="Close" onClick={() => trainingControls.closeTrace()}>
        ×
      </button>
    </header>
  )
}

/** The example's inputs and targets, η and the update rule. */
function GivenLine({ st, info }: { st: StepThrough; info: RunInfo }) {
  const { trace } = st
  const targetNames = info.targetNames ?? st.layers.at(-1)!.units.map((u) => `t_${u}`)
  return (
    <p className="st-given">
      Input {terms(trace.input, (x, k) => <span>{st.layers[0].inputs[k]} = <N v={x} how={`input ${st.layers[0].inputs[k]} of example #${st.sampleIndex + 1}`} /></span>, ', ')} · target{' '}
      {terms(trace.target, (t, j) => <span>{targetNames[j] ?? `t${j + 1}`} = <N v={t} how="target" /></span>, ', ')} · η = {trace.learningRate} · update rule: {st.optimizer}
    </p>
  )
}

/** E and the output for the same example after the update. */
function AfterLine({ st }: { st: StepThrough }) {
  const { trace } = st
  return (
    <p className="st-line">
      After the update, the same example gives E = <N v={st.lossAfter} how="a further forward pass with the updated weights" strong testId="st-loss-after" /> (before: {fixed(trace.loss, 9)}); output{' '}
      {st.outputAfter.map((o, j) => (
        <span key={j}>
          {j > 0 && ', '}
          <N v={o} how={`out of ${st.layers.at(-1)!.units[j]} after the update`} />
        </span>
      ))}
      . {trace.applied ? '' : 'The network is unchanged until you press Apply update.'}
    </p>
  )
}
