import { useState } from 'react'
import { lutColor } from '../viz/lut'
import { textOnDiverging } from '../viz/colors'
import { openStepThrough } from './timeMachine'
import { useLiveTraining } from './liveSight'
import { layerTitle } from './layerNames'
import { plural } from '../plural'

/**
 * The patterns × hidden-units table for small pattern sets (≤ 64): each unit's output raw and
 * binarised, and how many distinct codes the layer gives (the 8-3-8 encoder: 8 when it works).
 * Selecting a pattern shows every layer's activations for it.
 */
export function HiddenCodes() {
  const layers = useLiveTraining((s) => s.views.codes)
  const info = useLiveTraining((s) => s.info)
  const project = useLiveTraining((s) => s.request?.project)
  const [selected, setSelected] = useState<number | null>(null)
  if (!layers || !info?.probe) return null
  const probe = info.probe
  const hidden = layers.slice(0, -1)
  return (
    <section className="train-section" data-testid="hidden-codes">
      <header>
        <h3>Hidden activations</h3>
        <span className="muted">{plural(probe.count, 'pattern')}</span>
      </header>
      {hidden.map((l, li) => (
        <div key={l.nodeId}>
          <h4>
            {layerTitle(project, l.nodeId, l.units, li, layers.length)} ·{' '}
            <strong data-testid={`distinct-codes-${l.nodeId}`} data-distinct={l.distinctCodes}>
              {l.distinctCodes} distinct code{l.distinctCodes === 1 ? '' : 's'}
            </strong>{' '}
            <span className="muted">of {probe.count} (threshold {l.threshold})</span>
          </h4>
          <table className="codes">
            <thead>
              <tr>
                <th>pattern</th>
                {Array.from({ length: l.units }, (_, j) => (
                  <th key={j}>h{j + 1}</th>
                ))}
                <th>code</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: probe.count }, (_, p) => (
                <tr key={p} className={selected === p ? 'selected' : undefined} onClick={() => setSelected(selected === p ? null : p)} data-testid={`code-row-${p}`}>
                  <td className="mono">{probe.names[p]}</td>
                  {Array.from({ length: l.units }, (_, j) => {
                    const v = l.out[p * l.units + j]
                    return (
                      <td key={j} className="mono" style={{ background: lutColor(v - l.threshold, l.threshold || 1), color: textOnDiverging(v - l.threshold, l.threshold || 1) }}>
                        {v.toFixed(2)}
                      </td>
                    )
                  })}
                  <td className="mono code" data-testid={`code-${l.nodeId}-${p}`}>
                    {Array.from(l.binary.subarray(p * l.units, (p + 1) * l.units)).join('')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {selected !== null && (
        <div className="pattern-detail" data-testid="pattern-detail">
          <h4>
            Pattern {probe.names[selected]}: every layer{' '}
            <button type="button" data-testid="pattern-step-through" onClick={() => void openStepThrough(selected)}>
              Step through…
            </button>
          </h4>
          {layers.map((l, li) => (
            <div key={l.nodeId} className="activation-row">
              <span>{layerTitle(project, l.nodeId, l.units, li, layers.length)}</span>
              <span className="mono">
                {Array.from(l.out.subarray(selected * l.units, (selected + 1) * l.units), (v) => v.toFixed(3)).join('  ')}
              </span>
            </div>
          ))}
        </div>
      )}
    </section>
  )
}
