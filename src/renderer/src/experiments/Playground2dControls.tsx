import type { ReactNode } from 'react'
import { optimizerRules, type OptimizerId } from '../../../engine/nn/optimizers'
import { PLAYGROUND_OPTIMIZERS, SURFACES, type SurfaceId } from '../../../engine/experiments/surfaces'
import { SERIES_COLORS } from './playgroundModel'
import type { Etas, Playground2dInputs } from './playground2dRun'

/** The playground's surfaces: the formula presets, and the network's own error over two weights. */
export type PlaygroundSurface = SurfaceId | 'network'

/** Which surface to descend: a formula preset or the network on the canvas. */
export function SurfacePicker({ value, onPick }: { value: PlaygroundSurface; onPick: (id: PlaygroundSurface) => void }) {
  return (
    <label>
      surface
      <select data-testid="pg2-surface" value={value} onChange={(e) => onPick(e.target.value as PlaygroundSurface)}>
        {(Object.keys(SURFACES) as SurfaceId[]).map((id) => (
          <option key={id} value={id}>
            {SURFACES[id].label}
          </option>
        ))}
        <option value="network">This network: E over two weights</option>
      </select>
    </label>
  )
}

/** The surface picker, the formula (editable), the start point and the number of iterations. */
export function SurfaceInputs({ surfacePicker, inputs, onChange }: { surfacePicker: ReactNode; inputs: Playground2dInputs; onChange: (patch: Partial<Playground2dInputs>) => void }) {
  const { start } = inputs
  return (
    <div className="pg-inputs">
      {surfacePicker}
      <label className="pg-wide">
        f(x, y) =
        <input data-testid="pg2-formula" value={inputs.formula} spellCheck={false} onChange={(e) => onChange({ formula: e.target.value })} />
      </label>
      <label>
        start
        <span className="pg-pair">
          <input data-testid="pg2-start-x" value={start[0]} size={5} onChange={(e) => onChange({ start: [e.target.value, start[1]] })} />
          <input data-testid="pg2-start-y" value={start[1]} size={5} onChange={(e) => onChange({ start: [start[0], e.target.value] })} />
        </span>
      </label>
      <label>
        iterations
        <input data-testid="pg2-iterations" value={inputs.iterations} size={6} onChange={(e) => onChange({ iterations: e.target.value })} />
      </label>
    </div>
  )
}

/** One box per optimizer: ticked to descend with it (framed in its series colour), with its η. */
export function OptimizerChoices({ chosen, etas, onToggle, onEtas }: { chosen: readonly OptimizerId[]; etas: Etas; onToggle: (id: OptimizerId) => void; onEtas: (etas: Etas) => void }) {
  return (
    <div className="pg-optimizers">
      {PLAYGROUND_OPTIMIZERS.map((o) => (
        <label key={o} title={optimizerRules[o].description} style={{ borderColor: chosen.includes(o) ? SERIES_COLORS[chosen.indexOf(o)] : undefined }}>
          <input type="checkbox" data-testid={`pg2-use-${o}`} checked={chosen.includes(o)} onChange={() => onToggle(o)} /> {optimizerRules[o].label}
          <span className="pg-eta">
            η <input data-testid={`pg2-eta-${o}`} value={etas[o]} size={5} onChange={(e) => onEtas({ ...etas, [o]: e.target.value })} />
          </span>
        </label>
      ))}
    </div>
  )
}

/** Back to the start, one step on, a slider over the iterations, and to the end (`null`: follow the last). */
export function IterationStepper({ at, total, onShow }: { at: number; total: number; onShow: (iteration: number | null) => void }) {
  return (
    <div className="pg-steps">
      <button type="button" data-testid="pg2-reset" onClick={() => onShow(0)}>
        « Start
      </button>
      <button type="button" data-testid="pg2-step" disabled={at >= total} onClick={() => onShow(at + 1)}>
        Step ▸
      </button>
      <input type="range" min={0} max={total} value={at} aria-label="iteration" data-testid="pg2-scrub" onChange={(e) => onShow(Number(e.target.value))} />
      <button type="button" data-testid="pg2-end" onClick={() => onShow(null)}>
        End »
      </button>
      <span data-testid="pg2-at">
        iteration {at} / {total}
      </span>
    </div>
  )
}
