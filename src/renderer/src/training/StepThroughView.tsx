import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { StepThrough } from '../../../engine/host/training'
import { trainingControls, useTraining } from './trainingStore'
import { fixed } from './format'
import { PHASE_TITLE, stepStages } from './stepStages'
import { useUi } from '../store/uiStore'

/** Terms shown in one sum before "…" (big layers). */
const MAX_TERMS = 6
/** Units shown per layer. */
const MAX_UNITS = 8

/** A number from the engine; hovering it says what it is and how it was computed. */
function N({ v, how, testId, strong }: { v: number; how: string; testId?: string; strong?: boolean }) {
  return (
    <span className={`num${strong ? ' strong' : ''}`} title={how} data-testid={testId}>
      {fixed(v, 9)}
    </span>
  )
}

function terms<T>(items: T[], render: (item: T, i: number) => ReactNode, separator = ' + '): ReactNode[] {
  const shown = items.slice(0, MAX_TERMS).map((item, i) => (
    <span key={i}>
      {i > 0 && separator}
      {render(item, i)}
    </span>
  ))
  if (items.length > MAX_TERMS) shown.push(<span key="more"> + … ({items.length - MAX_TERMS} more)</span>)
  return shown
}

/** f′(net) written with the numbers it is made of (the engine gives the product δ). */
function derivative(activation: string, out: number, net: number): { formula: string; filled: ReactNode } {
  switch (activation) {
    case 'sigmoid':
      return { formula: 'out·(1 − out)', filled: <>{fixed(out, 9)} × (1 − {fixed(out, 9)})</> }
    case 'tanh':
      return { formula: '1 − out²', filled: <>(1 − {fixed(out, 9)}²)</> }
    case 'relu':
      return { formula: '[net > 0]', filled: <>[{fixed(net, 9)} &gt; 0]</> }
    case 'linear':
      return { formula: '1', filled: <>1</> }
    default:
      return { formula: `${activation}′(net)`, filled: <>{activation}′({fixed(net, 9)})</> }
  }
}

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
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        trainingControls.closeTrace()
      } else if (stage !== null && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        e.preventDefault()
        setStage((k) => Math.max(0, Math.min(stages.length - 1, (k ?? 0) + (e.key === 'ArrowRight' ? 1 : -1))))
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [open, stage, stages.length])
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
  }, [open, current])
  useEffect(() => () => useUi.getState().setStepFocus(null), [])
  if (!open || !st || !info) return null
  const { trace } = st
  const dense = trace.layers.filter((l) => l.kind === 'dense')
  const eta = trace.learningRate
  const targetNames = info.targetNames ?? st.layers.at(-1)!.units.map((u) => `t_${u}`)
  const lossId = useTraining.getState().request?.spec.model.loss.id ?? 'halfSse'
  const outLayer = dense.at(-1)!
  const fusedDelta = (outLayer.activation === 'softmax' && lossId === 'softmaxCrossEntropy') || (outLayer.activation === 'sigmoid' && lossId === 'bce')
  const wName = (li: number, j: number, k: number) => `w${st.layers[li].firstWeight + j * dense[li].input.length + k}`
  return (
    <div className={`step-through-backdrop${current ? ' is-docked' : ''}`} onClick={() => trainingControls.closeTrace()}>
      <div className="step-through" role="dialog" aria-label="Step-through" data-testid="step-through" ref={dialog} onClick={(e) => e.stopPropagation()}>
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
        <p className="st-given">
          Input {terms(trace.input, (x, k) => <span>{st.layers[0].inputs[k]} = <N v={x} how={`input ${st.layers[0].inputs[k]} of example #${st.sampleIndex + 1}`} /></span>, ', ')} · target{' '}
          {terms(trace.target, (t, j) => <span>{targetNames[j] ?? `t${j + 1}`} = <N v={t} how="target" /></span>, ', ')} · η = {eta} · update rule: {st.optimizer}
        </p>

        <h3>Forward pass</h3>
        {dense.map((l, li) => {
          const names = st.layers[li]
          return (
            <div key={l.nodeId} className="st-layer">
              <h4>
                Layer {names.units.join(', ')} ({l.activation})
              </h4>
              {l.out.slice(0, MAX_UNITS).map((out, j) => (
                <div key={j} className="st-line" data-testid={`st-forward-${names.units[j]}`}>
                  <span className="st-lhs">net<sub>{names.units[j]}</sub></span> = {terms(l.input, (_, k) => <span>{wName(li, j, k)}·{names.inputs[k]}</span>)}
                  {l.biases && <> + b<sub>{names.units[j]}</sub></>} ={' '}
                  {terms(l.input, (x, k) => (
                    <span>
                      <N v={l.weights![j][k]} how={`${wName(li, j, k)}: weight from ${names.inputs[k]} into ${names.units[j]}`} /> × <N v={x} how={`${names.inputs[k]} (${li === 0 ? 'input' : 'output of the previous layer'})`} />
                    </span>
                  ))}
                  {l.biases && (
                    <>
                      {' '}+ <N v={l.biases[j]} how={`bias of ${names.units[j]}`} />
                    </>
                  )}{' '}
                  = <N v={l.net![j]} how={`net input of ${names.units[j]}: the sum of weight × input, plus the bias`} strong />
                  <br />
                  <span className="st-lhs">out<sub>{names.units[j]}</sub></span> = {l.activation}(net<sub>{names.units[j]}</sub>) = <N v={out} how={`${l.activation} of ${fixed(l.net![j], 9)}`} strong testId={`st-out-${names.units[j]}`} />
                </div>
              ))}
            </div>
          )
        })}
        <p className="st-line" data-testid="st-loss-line">
          <span className="st-lhs">E</span> = {lossId === 'halfSse' || lossId === 'mse' ? 'Σ ½(target − out)²' : lossId} ={' '}
          <N v={trace.loss} how="the error of this example, as the engine computed it" strong testId="st-loss" />
        </p>

        <h3>Backward pass</h3>
        {[...dense.keys()].reverse().map((li) => {
          const l = dense[li]
          const names = st.layers[li]
          const isOut = li === dense.length - 1
          const next = dense[li + 1]
          return (
            <div key={l.nodeId} className="st-layer">
              <h4>Layer {names.units.join(', ')}</h4>
              {l.out.slice(0, MAX_UNITS).map((out, j) => {
                const u = names.units[j]
                const d = derivative(l.activation!, out, l.net![j])
                return (
                  <div key={j} className="st-line" data-testid={`st-backward-${u}`}>
                    {isOut && fusedDelta ? (
                      <>
                        δ<sub>{u}</sub> = ∂E/∂net<sub>{u}</sub> = out − target = {fixed(out, 9)} − {fixed(trace.target[j], 9)} = <N v={l.delta![j]} how={`∂E/∂net of ${u} (softmax/sigmoid fused with the loss)`} strong />
                      </>
                    ) : (
                      <>
                        ∂E/∂out<sub>{u}</sub> ={' '}
                        {isOut ? (
                          <>out − target = {fixed(out, 9)} − {fixed(trace.target[j], 9)}</>
                        ) : (
                          <>
                            Σ δ·w ={' '}
                            {terms(next.delta!, (dk, k) => (
                              <span>
                                <N v={dk} how={`δ of ${st.layers[li + 1].units[k]}`} /> × <N v={next.weights![k][j]} how={`${wName(li + 1, k, j)} (before the update)`} />
                              </span>
                            ))}
                          </>
                        )}{' '}
                        = <N v={l.gradOut![j]} how={`how E changes with out of ${u}`} />
                        <br />
                        δ<sub>{u}</sub> = ∂E/∂net<sub>{u}</sub> = ∂E/∂out · {d.formula} = {fixed(l.gradOut![j], 9)} × {d.filled} = <N v={l.delta![j]} how={`δ of ${u} = ∂E/∂out × f′(net)`} strong testId={`st-delta-${u}`} />
                      </>
                    )}
                    {l.input.slice(0, MAX_TERMS).map((x, k) => {
                      const w = wName(li, j, k)
                      const grad = l.gradWeights![j][k]
                      return (
                        <div key={k} className="st-sub">
                          ∂E/∂{w} = δ<sub>{u}</sub> · {names.inputs[k]} = {fixed(l.delta![j], 9)} × {fixed(x, 9)} = <N v={grad} how={`gradient of ${w}`} testId={`st-grad-${w}`} />
                          {'  →  '}
                          {w}
                          <sup>+</sup> ={' '}
                          {st.optimizer === 'sgd' ? (
                            <>
                              {w} − η·∂E/∂{w} = {fixed(l.weights![j][k], 9)} − {eta} × {fixed(grad, 9)}
                            </>
                          ) : (
                            <>
                              {w} + Δ{w} = {fixed(l.weights![j][k], 9)} + {fixed(l.updateWeights![j][k], 9)}
                            </>
                          )}{' '}
                          = <N v={names.weightsAfter[j][k]} how={`${w} after the update`} strong testId={`st-${w}-after`} />
                        </div>
                      )
                    })}
                  </div>
                )
              })}
            </div>
          )
        })}
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
      </div>
    </div>
  )
}

export type { StepThrough }
