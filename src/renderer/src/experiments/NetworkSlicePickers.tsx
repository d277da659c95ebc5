import type { SliceWeightRef } from '../../../engine/experiments/lossSlice'
import type { WeightedLayerNames } from '../../../engine/trace/unitNames'
import type { Project } from '../../../engine/project'
import { layerTitle } from '../training/layerNames'
import { weightRef } from './networkSliceModel'

/** An option kept for a pick that no longer exists, so the select does not pretend it is another. */
const GONE = -1

/**
 * One weight of the network: its layer, the unit it goes into and the input it comes from, with
 * its lecture name (w5: h1 → o1). A pick that no longer exists shows as such.
 */
export function WeightPicker({ axis, layers, project, value, onChange }: { axis: 'x' | 'y'; layers: readonly WeightedLayerNames[]; project: Project; value: SliceWeightRef | null; onChange: (ref: SliceWeightRef) => void }) {
  const index = layers.findIndex((l) => l.nodeId === value?.nodeId)
  const layer = index >= 0 ? layers[index] : null
  const unit = layer && value && value.unit < layer.units.length ? value.unit : GONE
  const input = layer && value && value.input < layer.inputs.length ? value.input : GONE
  const pick = (l: WeightedLayerNames, j: number, k: number) => onChange(weightRef(l, Math.max(0, Math.min(j, l.units.length - 1)), Math.max(0, Math.min(k, l.inputs.length - 1))))
  const exists = layer !== null && unit !== GONE && input !== GONE
  return (
    <fieldset className="pg-weight" data-testid={`pg2-weight-${axis}`}>
      <legend>
        {axis === 'x' ? 'across (x)' : 'up (y)'}: <b data-testid={`pg2-weight-${axis}-name`}>{exists ? `${value!.name}: ${layer.inputs[input]} → ${layer.units[unit]}` : value ? `${value.name} (no longer exists)` : 'none'}</b>
      </legend>
      <label>
        layer
        <select data-testid={`pg2-weight-${axis}-layer`} value={layer ? index : GONE} onChange={(e) => pick(layers[Number(e.target.value)], value?.unit ?? 0, value?.input ?? 0)}>
          {!layer && <option value={GONE}>{value ? 'removed' : '—'}</option>}
          {layers.map((l, i) => (
            <option key={l.nodeId} value={i}>
              {layerTitle(project, l.nodeId, l.units.length, i, layers.length)}
            </option>
          ))}
        </select>
      </label>
      <NameSelect label="from" testId={`pg2-weight-${axis}-input`} names={layer?.inputs ?? []} value={input} onPick={(k) => layer && pick(layer, unit === GONE ? 0 : unit, k)} />
      <NameSelect label="into" testId={`pg2-weight-${axis}-unit`} names={layer?.units ?? []} value={unit} onPick={(j) => layer && pick(layer, j, input === GONE ? 0 : input)} />
    </fieldset>
  )
}

/** One of a layer's inputs or units by name (disabled without a layer; `GONE` shows a dash). */
function NameSelect({ label, testId, names, value, onPick }: { label: string; testId: string; names: readonly string[]; value: number; onPick: (index: number) => void }) {
  return (
    <label>
      {label}
      <select data-testid={testId} value={value} disabled={names.length === 0} onChange={(e) => onPick(Number(e.target.value))}>
        {value === GONE && <option value={GONE}>—</option>}
        {names.map((name, i) => (
          <option key={i} value={i}>
            {name}
          </option>
        ))}
      </select>
    </label>
  )
}
