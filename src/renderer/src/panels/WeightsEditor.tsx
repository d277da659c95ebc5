import type { ReactNode } from 'react'
import type { Diagnostic, ProjectNodeOf } from '../../../engine/project'
import { useDocument } from '../store/documentStore'
import { HAND_SET_LIMIT, hasShape, reshapeMatrix, reshapeVector, setMatrixEntry } from '../graph/weights'
import { divergingColor, textOnDiverging } from '../viz/colors'
import { maxAbs as maxAbsOf } from '../viz/lut'
import { NumberInput } from './fields'

/**
 * Hand-set weights and biases of a small dense layer (row j = unit j, column k = input k, so
 * the cell is w_jk as in the lectures), and freezing weights, biases or the whole layer.
 */
export function WeightsEditor({ node, nIn, diagnostics }: { node: ProjectNodeOf<'dense'>; nIn: number | null; diagnostics: readonly Diagnostic[] }) {
  const p = node.params
  const units = p.units
  const update = (patch: Record<string, unknown>, tag?: string) => useDocument.getState().updateParams(node.id, patch, tag ? `${node.id}:${tag}` : undefined)
  const frozen = !p.trainWeights && !(p.useBias && p.trainBiases)
  const problems = diagnostics.filter((d) => d.param === 'weights' || d.param === 'biases')

  const freeze = (
    <div className="freeze-row">
      <button type="button" data-testid="freeze-layer" onClick={() => update({ trainWeights: frozen, trainBiases: frozen })}>
        {frozen ? 'Unfreeze layer' : 'Freeze whole layer'}
      </button>
    </div>
  )

  if (nIn === null || !Number.isInteger(units) || units < 1) {
    return (
      <section className="weights-editor">
        <h3>Weights</h3>
        <p className="muted">Connect this layer to its input to set weights by hand.</p>
        {freeze}
      </section>
    )
  }
  const count = units * nIn
  if (count > HAND_SET_LIMIT && !p.weights) {
    return (
      <section className="weights-editor">
        <h3>Weights</h3>
        <p className="muted">
          {units} × {nIn} = {count.toLocaleString('en-US')} weights start from the initialiser (hand-setting is for layers of up to {HAND_SET_LIMIT}).
        </p>
        {freeze}
      </section>
    )
  }
  // Set by a restored run or an opened model (a Fashion-MNIST layer has 78,400): a table of
  // that many fields froze the page, and nobody edits them one by one.
  if (count > HAND_SET_LIMIT) return <TooManyToEdit units={units} nIn={nIn} clear={() => update({ weights: undefined, biases: undefined })} freeze={freeze} />
  const shapeOk = hasShape(p.weights, units, nIn)
  const biasOk = !p.useBias || !p.biases || p.biases.length === units
  const weights = p.weights && shapeOk ? p.weights : null
  const biases = p.useBias ? (p.biases && biasOk ? p.biases : null) : null

  return (
    <section className="weights-editor" data-testid="weights-editor">
      <h3>Weights {weights ? '(hand-set)' : '(from the initialiser)'}</h3>
      {problems.map((d, i) => (
        <div key={i} className="field-problem">
          {d.message}
        </div>
      ))}
      {p.weights && (!shapeOk || !biasOk) && (
        <button type="button" onClick={() => update({ weights: reshapeMatrix(p.weights, units, nIn), ...(p.useBias && p.biases ? { biases: reshapeVector(p.biases, units) } : {}) })}>
          Fit the table to {units} × {nIn}
        </button>
      )}
      {weights ? (
        <WeightsTable weights={weights} biases={biases} useBias={p.useBias} nIn={nIn} update={update} />
      ) : (
        <p className="muted">
          {units} × {nIn} weights{p.useBias ? ` and ${units} biases` : ''} start from the initialiser.
        </p>
      )}
      <WeightsActions node={node} nIn={nIn} handSet={weights !== null} biasesSet={biases !== null} update={update} />
      {freeze}
    </section>
  )
}

/** Hand-set weights of a layer too large for the table: how many, and the way back to the initialiser. */
function TooManyToEdit({ units, nIn, clear, freeze }: { units: number; nIn: number; clear: () => void; freeze: ReactNode }) {
  return (
    <section className="weights-editor" data-testid="weights-editor">
      <h3>Weights (hand-set)</h3>
      <p className="muted" data-testid="weights-too-many">
        {units} × {nIn} = {(units * nIn).toLocaleString('en-US')} weights, set from a trained run or model: too many to edit here (the table is for layers of up to {HAND_SET_LIMIT}). Training starts from them.
      </p>
      <button type="button" data-testid="clear-weights" onClick={clear}>
        Use the initialiser
      </button>
      {freeze}
    </section>
  )
}

interface WeightsTableProps {
  weights: number[][]
  biases: number[] | null
  useBias: boolean
  nIn: number
  update: (patch: Record<string, unknown>, tag?: string) => void
}

/** The hand-set weights, one row per unit and one column per input (plus the bias), coloured by value. */
function WeightsTable({ weights, biases, useBias, nIn, update }: WeightsTableProps) {
  const maxAbs = maxAbsOf([...weights, ...(biases ? [biases] : [])].flat())
  return (
    <table className="weights-table">
      <thead>
        <tr>
          <th />
          {Array.from({ length: nIn }, (_, k) => (
            <th key={k} title={`from input ${k + 1}`}>
              x{k + 1}
            </th>
          ))}
          {useBias && <th title="bias">b</th>}
        </tr>
      </thead>
      <tbody>
        {weights.map((row, j) => (
          <tr key={j}>
            <th title={`into unit ${j + 1}`}>u{j + 1}</th>
            {row.map((w, k) => (
              <td key={k}>
                <NumberInput
                  value={w}
                  testId={`weight-${j}-${k}`}
                  title={`w${j + 1}${k + 1}: from input ${k + 1} into unit ${j + 1}`}
                  style={{ background: divergingColor(w, maxAbs), color: textOnDiverging(w, maxAbs) }}
                  onCommit={(v) => update({ weights: setMatrixEntry(weights, j, k, v) }, `w${j}.${k}`)}
                />
              </td>
            ))}
            {useBias && (
              <td>
                {biases ? (
                  <NumberInput
                    value={biases[j]}
                    testId={`bias-${j}`}
                    title={`b${j + 1}: bias of unit ${j + 1}`}
                    style={{ background: divergingColor(biases[j], maxAbs), color: textOnDiverging(biases[j], maxAbs) }}
                    onCommit={(v) => update({ biases: biases.map((b, r) => (r === j ? v : b)) }, `b${j}`)}
                  />
                ) : (
                  <span className="muted">init</span>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

interface WeightsActionsProps {
  node: ProjectNodeOf<'dense'>
  nIn: number
  handSet: boolean
  biasesSet: boolean
  update: (patch: Record<string, unknown>) => void
}

/** Start hand-setting weights (or biases), or go back to the initialiser. */
function WeightsActions({ node, nIn, handSet, biasesSet, update }: WeightsActionsProps) {
  const p = node.params
  const units = p.units
  return (
    <div className="weights-actions">
      {!handSet && (
        <button type="button" data-testid="hand-set-weights" onClick={() => update({ weights: reshapeMatrix(undefined, units, nIn), ...(p.useBias ? { biases: reshapeVector(undefined, units) } : {}) })}>
          Set weights by hand
        </button>
      )}
      {handSet && p.useBias && !biasesSet && (
        <button type="button" onClick={() => update({ biases: reshapeVector(undefined, units) })}>
          Set biases by hand
        </button>
      )}
      {(p.weights || p.biases) && (
        <button type="button" data-testid="clear-weights" onClick={() => update({ weights: undefined, biases: undefined })}>
          Use the initialiser
        </button>
      )}
    </div>
  )
}
