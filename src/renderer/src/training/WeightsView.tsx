import { useState } from 'react'
import { Heatmap } from '../viz/Heatmap'
import { Hinton } from '../viz/Hinton'
import { useLiveTraining } from './liveSight'
import { layerTitle } from './layerNames'
import { fmt } from './format'
import { plural } from '../plural'

type Mode = 'heatmap' | 'hinton' | 'gradient'

/** Largest weights drawn as a Hinton diagram (more would be specks). */
const HINTON_MAX = 400

/**
 * Every dense layer's weights as a heatmap (rows: units j, columns: inputs k, bias last),
 * a Hinton diagram, or the last gradient ∂E/∂w; for 28×28 inputs, the first layer's
 * receptive fields (each unit's 784 weights as an image).
 */
export function WeightsView() {
  const layers = useLiveTraining((s) => s.views.weights)
  const info = useLiveTraining((s) => s.info)
  const project = useLiveTraining((s) => s.request?.project)
  const [mode, setMode] = useState<Mode>('heatmap')
  if (!layers || !info) return null
  const shape = info.inputShape
  const image = shape.length === 2 && shape[0] * shape[1] === info.inputSize && info.inputSize >= 64
  return (
    <section className="train-section" data-testid="weights">
      <header>
        <h3>Weights</h3>
        <div className="segmented" role="radiogroup">
          {(['heatmap', 'hinton', 'gradient'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} data-testid={`weights-mode-${m}`} onClick={() => setMode(m)}>
              {m === 'gradient' ? '∂E/∂w' : m}
            </button>
          ))}
        </div>
      </header>
      {layers.map((l, i) => {
        const values = mode === 'gradient' ? l.gradWeights : l.weights
        const max = mode === 'gradient' ? l.maxAbsGrad : l.maxAbsWeight
        const fields = image && i === 0 && mode !== 'hinton'
        return (
          <div key={l.nodeId} className="layer-weights" data-testid={`weights-${l.nodeId}`}>
            <h4>
              {layerTitle(project, l.nodeId, l.units, i, layers.length)} <span className="muted">max |{mode === 'gradient' ? '∂E/∂w' : 'w'}| = {fmt(max, 3)}</span>
            </h4>
            {fields ? (
              <ReceptiveFields values={values} units={l.units} rows={shape[0]} cols={shape[1]} maxAbs={max} />
            ) : mode === 'hinton' && l.units * l.nIn <= HINTON_MAX ? (
              <Hinton values={values} rows={l.units} cols={l.nIn} maxAbs={max} />
            ) : (
              <div className="weights-row">
                <Heatmap values={values} rows={l.units} cols={l.nIn} maxAbs={max} cell={l.nIn > 50 ? 2 : 16} title={`${plural(l.units, 'unit')} × ${plural(l.nIn, 'input')}`} testId={`heatmap-${l.nodeId}`} />
                {l.biases && mode !== 'gradient' && <Heatmap values={l.biases} rows={l.units} cols={1} maxAbs={Math.max(max, 1e-9)} cell={l.nIn > 50 ? 2 : 16} title="biases" />}
              </div>
            )}
          </div>
        )
      })}
      <p className="legend">
        <span className="swatch negative" /> negative <span className="swatch zero" /> 0 <span className="swatch positive" /> positive
      </p>
    </section>
  )
}

/** First-layer receptive fields: each unit's weights as a rows×cols image, in a grid. */
function ReceptiveFields({ values, units, rows, cols, maxAbs }: { values: Float32Array; units: number; rows: number; cols: number; maxAbs: number }) {
  const shown = Math.min(units, 100)
  return (
    <div className="receptive-fields" data-testid="receptive-fields">
      {Array.from({ length: shown }, (_, j) => (
        <Heatmap key={j} values={values} offset={j * rows * cols} rows={rows} cols={cols} maxAbs={maxAbs} cell={1} title={`unit ${j + 1}`} />
      ))}
      {units > shown && <span className="muted">… {units - shown} more</span>}
    </div>
  )
}
