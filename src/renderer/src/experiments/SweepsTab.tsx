import { useState } from 'react'
import { useDocument, selectCanTrain } from '../store/documentStore'
import { PROJECT_SETTING, type SweepAxis } from '../../../engine/experiments/sweep'
import { parseAxisValues, sameSettingTwice, secondAxis, suggestedValues, sweepableNodes, sweepableParams } from './sweepAxes'
import { cancelSweep, runSweep, useSweepProgress } from './sweepRunner'
import { SweepResults } from './SweepResults'

interface AxisDraft {
  nodeId: string
  param: string
  text: string
}

function defaultAxis(nodes: [string, string][], project: Parameters<typeof sweepableParams>[0]): AxisDraft {
  const optimizer = project.nodes.find((n) => n.kind === 'optimizer')
  if (optimizer) return { nodeId: optimizer.id, param: 'learningRate', text: suggestedValues(sweepableParams(project, optimizer.id).find((p) => p.key === 'learningRate')) }
  return { nodeId: nodes[0][0], param: 'seed', text: '1, 2, 3' }
}

/**
 * Sweeps: pick one or two settings and their values; every combination trains as its own run
 * (queued), then the results table (best marked), the curves overlaid and a CSV export.
 */
export function SweepsTab() {
  const project = useDocument((s) => s.project)
  const canTrain = useDocument(selectCanTrain)
  const running = useSweepProgress((s) => s.sweepId !== null)
  const nodes = sweepableNodes(project)
  const [axes, setAxes] = useState<AxisDraft[]>(() => [defaultAxis(nodes, project)])
  const parsed = axes.map((a) => {
    const info = sweepableParams(project, a.nodeId).find((p) => p.key === a.param)
    if (!info) return { ok: false as const, message: `Choose a setting of ${a.nodeId === PROJECT_SETTING ? 'the project' : `“${a.nodeId}”`}.` }
    return parseAxisValues(a.text, info)
  })
  const twice = sameSettingTwice(axes)
  const problem = twice ? { ok: false as const, message: twice } : parsed.find((p) => !p.ok)
  const count = parsed.reduce((n, p) => n * (p.ok ? p.values.length : 0), 1)
  const setAxis = (i: number, patch: Partial<AxisDraft>) => setAxes(axes.map((a, k) => (k === i ? { ...a, ...patch } : a)))
  const start = () => {
    const ready: SweepAxis[] = axes.map((a, i) => ({ nodeId: a.nodeId, param: a.param, values: (parsed[i] as { values: SweepAxis['values'] }).values }))
    void runSweep(ready)
  }
  const sweeps = project.experiments?.sweeps ?? []
  return (
    <div className="sweeps" data-testid="sweeps">
      <p className="muted">Train the network on the canvas once per combination of the values below (one run after another), each to the end its optimizer block says; then compare.</p>
      {axes.map((a, i) => {
        const params = sweepableParams(project, a.nodeId)
        return (
          <div className="sweep-axis" key={i} data-testid={`sweep-axis-${i}`}>
            <label>
              {i === 0 ? 'Vary' : 'and'}
              <select data-testid={`sweep-node-${i}`} value={a.nodeId} disabled={running} onChange={(e) => {
                const first = sweepableParams(project, e.target.value)[0]
                setAxis(i, { nodeId: e.target.value, param: first?.key ?? '', text: suggestedValues(first) })
              }}>
                {nodes.map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              setting
              <select data-testid={`sweep-param-${i}`} value={a.param} disabled={running} onChange={(e) => setAxis(i, { param: e.target.value, text: suggestedValues(params.find((p) => p.key === e.target.value)) })}>
                {params.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="sweep-values">
              values
              <input data-testid={`sweep-values-${i}`} value={a.text} disabled={running} onChange={(e) => setAxis(i, { text: e.target.value })} />
            </label>
            {i === 1 && (
              <button type="button" data-testid="sweep-remove-axis" disabled={running} onClick={() => setAxes(axes.slice(0, 1))}>
                ✕
              </button>
            )}
          </div>
        )
      })}
      <div className="sweep-actions">
        {axes.length === 1 && (
          <button type="button" data-testid="sweep-add-axis" disabled={running} onClick={() => setAxes([...axes, secondAxis(project, axes[0])])}>
            + a second setting
          </button>
        )}
        {running ? (
          <button type="button" data-testid="sweep-cancel" onClick={() => void cancelSweep()}>
            Stop the sweep
          </button>
        ) : (
          <button type="button" className="primary" data-testid="sweep-run" disabled={!!problem || !canTrain} onClick={start}>
            Run {count} run{count === 1 ? '' : 's'}
          </button>
        )}
        <SweepStatus />
      </div>
      {problem && !problem.ok && (
        <p className="error" role="alert" data-testid="sweep-problem">
          {problem.message}
        </p>
      )}
      {!canTrain && <p className="warn">Fix the problems on the canvas first: the sweep trains this network.</p>}
      {sweeps
        .slice()
        .reverse()
        .map((s) => (
          <SweepResults key={s.id} sweep={s} />
        ))}
    </div>
  )
}

function SweepStatus() {
  const p = useSweepProgress()
  if (p.error) return <span className="error" data-testid="sweep-error">{p.error}</span>
  if (!p.sweepId) return null
  return (
    <span className="muted" data-testid="sweep-status" data-index={p.index} data-total={p.total}>
      run {p.index + 1} of {p.total} · epoch {p.epoch} / {p.maxEpochs}
      {p.cancelled && ' · stopping…'}
    </span>
  )
}
