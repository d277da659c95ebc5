import { useMemo, useState, type ReactNode } from 'react'
import { SURFACES, type SurfaceId } from '../../../engine/experiments/surfaces'
import { SERIES_COLORS } from './playgroundModel'
import { defaultEtas, runPlayground2d, toggleOptimizer, type Playground2dInputs } from './playground2dRun'
import { IterationStepper, OptimizerChoices, SurfaceInputs, SurfacePicker, type PlaygroundSurface } from './Playground2dControls'
import { FChart, PathTable } from './Playground2dResults'
import { CONTOUR_GRID, ContourPlot } from './ContourPlot'
import { NetworkSlice2d } from './NetworkSlice2d'
import { networkSliceUi, useNetworkSlice } from './networkSliceStore'
import { surfaceGrid } from '../../../engine/experiments/surfaces'

/** A surface's preset inputs (its formula, start and η for each optimizer), with `chosen` ticked. */
function presetInputs(id: SurfaceId, chosen: Playground2dInputs['chosen']): Playground2dInputs {
  const s = SURFACES[id]
  return { formula: s.formula, start: [String(s.start[0]), String(s.start[1])], iterations: '100', chosen, etas: defaultEtas(id) }
}

/**
 * The optimizers side by side on a 2-D error surface: the engine's update rules from one start,
 * their trajectories on the contour plot and f per iteration, shown up to the iteration the
 * user steps to. The surface is a formula, or the network's own error over two weights.
 */
export function Playground2d() {
  const network = useNetworkSlice((s) => s.selected)
  const [surfaceId, setSurfaceId] = useState<SurfaceId>('ravine')
  const pick = (id: PlaygroundSurface) => {
    networkSliceUi.select(id === 'network')
    if (id !== 'network') setSurfaceId(id)
  }
  const picker = <SurfacePicker value={network ? 'network' : surfaceId} onPick={pick} />
  return (
    <div className="playground" data-testid="playground-2d">
      {network ? <NetworkSlice2d surfacePicker={picker} /> : <FormulaSurface2d surfaceId={surfaceId} surfacePicker={picker} />}
    </div>
  )
}

/** The optimizers on a formula surface (a preset, or the user's edit of its formula). */
function FormulaSurface2d({ surfaceId, surfacePicker }: { surfaceId: SurfaceId; surfacePicker: ReactNode }) {
  const surface = SURFACES[surfaceId]
  const [inputs, setInputs] = useState<Playground2dInputs>(() => presetInputs(surfaceId, ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']))
  // The iteration shown; null follows the last one.
  const [shown, setShown] = useState<number | null>(null)
  const change = (patch: Partial<Playground2dInputs>) => setInputs((old) => ({ ...old, ...patch }))
  // A new preset brings its formula, start and η (the ticks and iterations stay).
  const [presetOf, setPresetOf] = useState(surfaceId)
  if (presetOf !== surfaceId) {
    setPresetOf(surfaceId)
    setInputs((old) => ({ ...presetInputs(surfaceId, old.chosen), iterations: old.iterations }))
    setShown(null)
  }
  const run = useMemo(() => runPlayground2d(inputs), [inputs])
  const f = 'f' in run ? run.f : null
  const grid = useMemo(() => (f ? surfaceGrid(f.value, surface.extent, CONTOUR_GRID) : null), [f, surface.extent])
  const total = 'paths' in run ? run.iterations : 0
  const at = Math.min(shown ?? total, total)
  return (
    <>
      <SurfaceInputs surfacePicker={surfacePicker} inputs={inputs} onChange={change} />
      <p className="muted small">{surface.description}</p>
      <OptimizerChoices chosen={inputs.chosen} etas={inputs.etas} onToggle={(id) => change({ chosen: toggleOptimizer(inputs.chosen, id) })} onEtas={(etas) => change({ etas })} />
      {'problem' in run ? (
        <p className="error" role="alert" data-testid="pg2-problem">
          {run.problem}
        </p>
      ) : (
        <>
          <IterationStepper at={at} total={total} onShow={setShown} />
          <div className="pg-2d-views">
            <ContourPlot grid={grid!} size={CONTOUR_GRID} extent={surface.extent} minimum={inputs.formula === surface.formula ? surface.minimum : null} paths={run.paths} upTo={at} colors={SERIES_COLORS} />
            <PathTable paths={run.paths} at={at} />
          </div>
          <FChart paths={run.paths} upTo={at} />
        </>
      )}
    </>
  )
}
