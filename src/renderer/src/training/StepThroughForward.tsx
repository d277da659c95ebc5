/** The forward pass of one dense layer: net = Σ w·x + b and out = f(net) for each unit. */
import { fixed } from './format'
import { MAX_UNITS, N, terms, type StepLines } from './stepThroughParts'

export function ForwardLayer({ lines: { st, dense, wName }, li }: { lines: StepLines; li: number }) {
  const l = dense[li]
  const names = st.layers[li]
  return (
    <div className="st-layer">
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
}
