/** The backward pass of one dense layer: ∂E/∂out, δ = ∂E/∂net, then ∂E/∂w and the update of each weight. */
import { fixed } from './format'
import { MAX_TERMS, MAX_UNITS, N, derivative, terms, type StepLines } from './stepThroughParts'

export function BackwardLayer({ lines, li, fusedDelta }: { lines: StepLines; li: number; fusedDelta: boolean }) {
  const { st, dense } = lines
  const l = dense[li]
  const names = st.layers[li]
  const isOut = li === dense.length - 1
  return (
    <div className="st-layer">
      <h4>Layer {names.units.join(', ')}</h4>
      {l.out.slice(0, MAX_UNITS).map((out, j) => (
        <div key={j} className="st-line" data-testid={`st-backward-${names.units[j]}`}>
          {isOut && fusedDelta ? <FusedDelta lines={lines} li={li} j={j} /> : <ChainRuleDelta lines={lines} li={li} j={j} />}
          {l.input.slice(0, MAX_TERMS).map((x, k) => (
            <WeightUpdate key={k} lines={lines} li={li} j={j} k={k} x={x} />
          ))}
        </div>
      ))}
    </div>
  )
}

/** δ of an output unit whose softmax or sigmoid is fused with the loss: out − target. */
function FusedDelta({ lines: { st, dense }, li, j }: { lines: StepLines; li: number; j: number }) {
  const l = dense[li]
  const u = st.layers[li].units[j]
  const out = l.out[j]
  return (
    <>
      δ<sub>{u}</sub> = ∂E/∂net<sub>{u}</sub> = out − target = {fixed(out, 9)} − {fixed(st.trace.target[j], 9)} ={' '}
      <N v={l.delta![j]} how={`∂E/∂net of ${u} (softmax/sigmoid fused with the loss)`} strong />
    </>
  )
}

/** ∂E/∂out (from the target, from the next layer's δ, or summed over a graph's readers), then δ = ∂E/∂out · f′(net). */
function ChainRuleDelta({ lines: { st, dense, wName }, li, j }: { lines: StepLines; li: number; j: number }) {
  const l = dense[li]
  const u = st.layers[li].units[j]
  const out = l.out[j]
  const next = dense[li + 1]
  const d = derivative(l.activation!, out, l.net![j])
  return (
    <>
      ∂E/∂out<sub>{u}</sub> ={' '}
      {li === dense.length - 1 ? (
        <>
          out − target = {fixed(out, 9)} − {fixed(st.trace.target[j], 9)}
        </>
      ) : !st.layers[li].feedsNextOnly ? (
        <>the sum of what every layer reading it sends back (its output branches or is merged)</>
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
      δ<sub>{u}</sub> = ∂E/∂net<sub>{u}</sub> = ∂E/∂out · {d.formula} = {fixed(l.gradOut![j], 9)} × {d.filled} ={' '}
      <N v={l.delta![j]} how={`δ of ${u} = ∂E/∂out × f′(net)`} strong testId={`st-delta-${u}`} />
    </>
  )
}

/** ∂E/∂w_jk = δ_j · x_k, and the weight after the update. */
function WeightUpdate({ lines: { st, dense, eta, wName }, li, j, k, x }: { lines: StepLines; li: number; j: number; k: number; x: number }) {
  const l = dense[li]
  const names = st.layers[li]
  const u = names.units[j]
  const w = wName(li, j, k)
  const grad = l.gradWeights![j][k]
  return (
    <div className="st-sub">
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
}
