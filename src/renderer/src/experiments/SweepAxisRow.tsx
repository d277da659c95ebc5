import type { Project } from '../../../engine/project'
import { suggestedValues, sweepableNodes, sweepableParams } from './sweepAxes'
import { axisOnNode, type AxisDraft } from './sweepDraft'

/**
 * One axis of the sweep: which node, which of its settings, the values; the second can be
 * removed. `problem`: why its values cannot be read, said under them (the Run button is off).
 */
export function SweepAxisRow({ project, index, axis, problem, disabled, onChange, onRemove }: { project: Project; index: number; axis: AxisDraft; problem: string | null; disabled: boolean; onChange: (axis: AxisDraft) => void; onRemove?: () => void }) {
  const params = sweepableParams(project, axis.nodeId)
  const problemId = `sweep-problem-${index}`
  return (
    <div className="sweep-axis" data-testid={`sweep-axis-${index}`}>
      <label>
        {index === 0 ? 'Vary' : 'and'}
        <select data-testid={`sweep-node-${index}`} value={axis.nodeId} disabled={disabled} onChange={(e) => onChange(axisOnNode(project, e.target.value))}>
          {sweepableNodes(project).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        setting
        <select data-testid={`sweep-param-${index}`} value={axis.param} disabled={disabled} onChange={(e) => onChange({ ...axis, param: e.target.value, text: suggestedValues(params.find((p) => p.key === e.target.value)) })}>
          {params.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="sweep-values">
        values
        <input data-testid={`sweep-values-${index}`} value={axis.text} disabled={disabled} aria-invalid={problem !== null} aria-describedby={problem ? problemId : undefined} onChange={(e) => onChange({ ...axis, text: e.target.value })} />
      </label>
      {onRemove && (
        <button type="button" data-testid="sweep-remove-axis" disabled={disabled} onClick={onRemove}>
          ✕
        </button>
      )}
      {problem && (
        <p className="error sweep-field-problem" id={problemId} role="alert" data-testid="sweep-problem">
          {problem}
        </p>
      )}
    </div>
  )
}
