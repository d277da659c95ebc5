import { useEffect, useState, type ReactNode } from 'react'
import type { LossSlice } from '../../../engine/experiments/lossSlice'
import { useDocument } from '../store/documentStore'
import { fmt } from '../training/format'
import { plural } from '../plural'
import { SERIES_COLORS } from './playgroundModel'
import { toggleOptimizer } from './playground2dRun'
import { defaultSliceEtas, refreshedInputs, sliceRequest } from './networkSliceModel'
import { networkSliceUi, useNetworkSlice } from './networkSliceStore'
import { useLossSlice, useSliceNetwork } from './useLossSlice'
import { IterationStepper, OptimizerChoices } from './Playground2dControls'
import { WeightPicker } from './NetworkSlicePickers'
import { FChart, PathTable } from './Playground2dResults'
import { ContourPlot } from './ContourPlot'

/**
 * The optimizers on the network's own error surface: its training loss E over two weights the
 * user picks, every other weight as it is now (trained, or the initial ones), computed by the
 * engine; the descents start at the current values.
 */
export function NetworkSlice2d({ surfacePicker }: { surfacePicker: ReactNode }) {
  const inputs = useNetworkSlice((s) => s.inputs)
  const project = useDocument((s) => s.project)
  // Bumped to take the weights again as they are now (after training more).
  const [version, setVersion] = useState(0)
  const [shown, setShown] = useState<number | null>(null)
  const network = useSliceNetwork(version)
  const ready = network && 'layers' in network ? network : null
  useEffect(() => {
    const patch = ready && refreshedInputs(useNetworkSlice.getState().inputs, ready.layers, ready.eta)
    if (patch) networkSliceUi.change(patch)
  }, [ready])
  const etas = inputs.etas ?? defaultSliceEtas(ready?.eta ?? 0.1, 2)
  const asked = ready ? sliceRequest(inputs, ready.layers, etas) : null
  const { slice, problem, busy } = useLossSlice(ready?.runId ?? null, asked && 'request' in asked ? asked.request : null, version)
  const shownProblem = network && 'problem' in network ? network.problem : asked && 'problem' in asked ? asked.problem : problem
  const change = networkSliceUi.change
  return (
    <>
      <div className="pg-inputs">
        {surfacePicker}
        <label>
          span ±
          <input data-testid="pg2-net-span" value={inputs.span} size={5} onChange={(e) => change({ span: e.target.value })} />
        </label>
        <label>
          iterations
          <input data-testid="pg2-iterations" value={inputs.iterations} size={6} onChange={(e) => change({ iterations: e.target.value })} />
        </label>
        <button type="button" data-testid="pg2-net-refresh" title="Take the network's weights again as they are now (after more training)" onClick={() => setVersion((v) => v + 1)}>
          ⟳ Weights as they are now
        </button>
      </div>
      {ready && (
        <div className="pg-weights">
          {(['x', 'y'] as const).map((axis, i) => (
            <WeightPicker key={axis} axis={axis} layers={ready.layers} project={project} value={inputs.weights[i]} onChange={(ref) => change({ weights: i === 0 ? [ref, inputs.weights[1]] : [inputs.weights[0], ref] })} />
          ))}
        </div>
      )}
      <p className="muted small">The network’s own training loss E (its loss, reduction and regularisation, over the training rows) as two weights vary and every other weight keeps its current value. Every optimizer starts from the current weights.</p>
      <OptimizerChoices chosen={inputs.chosen} etas={etas} onToggle={(id) => change({ chosen: toggleOptimizer(inputs.chosen, id) })} onEtas={(next) => change({ etas: next })} />
      {shownProblem ? (
        <p className="error" role="alert" data-testid="pg2-problem">
          {shownProblem}
        </p>
      ) : slice ? (
        <SliceResults slice={slice} shown={shown} onShow={setShown} busy={busy} />
      ) : (
        <p className="muted" data-testid="pg2-net-busy">
          Computing the slice in the engine…
        </p>
      )}
    </>
  )
}

/** The slice's contour with the descents, where each optimizer stands, and E per iteration. */
function SliceResults({ slice, shown, onShow, busy }: { slice: LossSlice; shown: number | null; onShow: (at: number | null) => void; busy: boolean }) {
  const total = Math.max(0, ...slice.paths.map((p) => p.rows.length - 1))
  const at = Math.min(shown ?? total, total)
  const [wx, wy] = slice.names
  return (
    <>
      <p className="pg-net-loss" data-testid="pg2-net-loss" data-loss={slice.loss} aria-busy={busy}>
        E = <b>{fmt(slice.loss, 9)}</b> at {wx} = {fmt(slice.center[0], 6)}, {wy} = {fmt(slice.center[1], 6)} (over {plural(slice.rows, 'training row')}
        {slice.penalty > 0 ? `, of which ${fmt(slice.penalty, 4)} is the regularisation penalty` : ''}; epoch {slice.epoch}, iteration {slice.iteration}); ∂E/∂{wx} = {fmt(slice.gradient[0], 6)}, ∂E/∂{wy} = {fmt(slice.gradient[1], 6)}.
        {slice.note && <span className="muted"> {slice.note}</span>}
      </p>
      <IterationStepper at={at} total={total} onShow={onShow} />
      <div className="pg-2d-views">
        <div>
          <ContourPlot grid={slice.grid} size={slice.size} extent={slice.extent} minimum={null} paths={slice.paths} upTo={at} colors={SERIES_COLORS} />
          <p className="muted small" data-testid="pg2-net-axes">
            → {wx} from {fmt(slice.extent.xMin)} to {fmt(slice.extent.xMax)}, ↑ {wy} from {fmt(slice.extent.yMin)} to {fmt(slice.extent.yMax)} ({slice.size}×{slice.size} points)
          </p>
        </div>
        <PathTable paths={slice.paths} at={at} axes={[wx, wy, 'E']} />
      </div>
      <FChart paths={slice.paths} upTo={at} name="E" />
    </>
  )
}
