import { memo, useMemo } from 'react'
import type { LayerState } from '../../../engine/host/training'
import { lutColor, maxAbs } from './lut'
import { PaintedCanvas } from './paint/PaintedCanvas'
import { plural } from '../plural'

/** Layers with at most this many weights also get unit-to-unit links drawn on their node. */
export const UNIT_LINKS_MAX = 64
/** Hand-set weights up to this many show as a grid of cells (each with its value on hover); more are painted. */
export const WEIGHT_CELLS_MAX = 256

/** Largest displayed heatmap on a node (CSS px); cells stretch or shrink to fit. */
const MAX_W = 150
const MAX_H = 40

export type Tint = 'weights' | 'gradients'

/** The values a tint shows, `[units×nIn]` row-major, and their ±max (both from the engine's snapshot). */
function tinted(layer: LayerState, tint: Tint): { values: Float32Array; max: number } {
  return tint === 'gradients' ? { values: layer.gradWeights, max: layer.maxAbsGrad } : { values: layer.weights, max: layer.maxAbsWeight }
}

/**
 * A dense layer's live weights on its canvas node: a heatmap (row j = unit j, column k =
 * input k; blue positive, orange negative, ±max|w| full colour) painted off the main thread
 * from the snapshot's Float32Array, or the last gradient ∂E/∂w with `tint = 'gradients'`.
 */
function NodeHeatmapView({ layer, tint, testId }: { layer: LayerState; tint: Tint; testId: string }) {
  const { values, max } = tinted(layer, tint)
  const what = tint === 'gradients' ? '∂E/∂w' : 'w'
  const title = `${tint === 'gradients' ? 'Last gradient' : 'Weights'}: ${plural(layer.units, 'unit')} × ${plural(layer.nIn, 'input')}, max |${what}| = ${max.toPrecision(3)} (blue +, orange −)`
  return <HeatmapOnNode values={values} max={max} units={layer.units} nIn={layer.nIn} title={title} testId={testId} data={{ 'data-tint': tint }} />
}

/** `[units×nIn]` values painted (off the main thread) into at most MAX_W × MAX_H px on a node. */
function HeatmapOnNode({ values, max, units, nIn, title, testId, data }: { values: Float32Array; max: number; units: number; nIn: number; title: string; testId: string; data?: Record<string, string> }) {
  const job = useMemo(() => ({ kind: 'heatmap' as const, values, rows: units, cols: nIn, maxAbs: max }), [values, max, units, nIn])
  const cell = Math.min(12, MAX_W / nIn, MAX_H / units)
  const width = Math.max(4, Math.min(MAX_W, nIn * Math.max(cell, 1)))
  const height = Math.max(4, Math.min(MAX_H, units * Math.max(cell, 1)))
  return <PaintedCanvas job={job} className="node-heatmap" testId={testId} data={data} title={title} style={{ width, height }} />
}

/**
 * Hand-set weights `[units][nIn]` too many for a grid of cells (a restored Fashion-MNIST run has
 * 78,400: as DOM cells the node grew to thousands of pixels and the page froze), painted as the
 * live weights are.
 */
function HandSetHeatmapView({ weights, testId }: { weights: readonly (readonly number[])[]; testId: string }) {
  const values = useMemo(() => Float32Array.from(weights.flat()), [weights])
  const max = useMemo(() => maxAbs(values), [values])
  const units = weights.length
  const nIn = weights[0]?.length ?? 0
  return <HeatmapOnNode values={values} max={max} units={units} nIn={nIn} title={`Hand-set weights: ${plural(units, 'unit')} × ${plural(nIn, 'input')}, max |w| = ${max.toPrecision(3)} (blue +, orange −)`} testId={testId} />
}

/**
 * Unit-to-unit links of a small layer: inputs k on the left, units j on the right, one line
 * per weight w_jk coloured by its sign and sized by |w_jk| / max|w| (or by ∂E/∂w_jk). Hover a
 * line for its value, as the engine sent it.
 */
function UnitLinksView({ layer, tint, testId }: { layer: LayerState; tint: Tint; testId: string }) {
  const { values, max } = tinted(layer, tint)
  const { units, nIn } = layer
  const width = 132
  const rows = Math.max(units, nIn)
  // Low enough that a grown node still clears the row below (auto-layout rows are 260 px apart).
  const height = Math.max(28, Math.min(72, rows * 12))
  const y = (i: number, n: number) => (n === 1 ? height / 2 : 6 + (i * (height - 12)) / (n - 1))
  const what = tint === 'gradients' ? '∂E/∂w' : 'w'
  const lines = []
  for (let j = 0; j < units; j++) {
    for (let k = 0; k < nIn; k++) {
      const v = values[j * nIn + k]
      const strength = max > 0 && Number.isFinite(v) ? Math.min(1, Math.abs(v) / max) : 0
      lines.push(
        <line key={`${j}-${k}`} x1={8} y1={y(k, nIn)} x2={width - 8} y2={y(j, units)} stroke={lutColor(v, max)} strokeWidth={0.75 + 4.25 * strength} strokeLinecap="round">
          <title>{`${what}${j + 1}${k + 1} (input ${k + 1} → unit ${j + 1}) = ${v.toPrecision(6)}`}</title>
        </line>,
      )
    }
  }
  return (
    <svg className="unit-links" data-testid={testId} data-tint={tint} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${units * nIn} ${tint === 'gradients' ? 'gradients' : 'weights'} from ${nIn} inputs to ${units} units`}>
      {lines}
      {Array.from({ length: nIn }, (_, k) => (
        <circle key={`i${k}`} className="unit-links-in" cx={8} cy={y(k, nIn)} r={4} />
      ))}
      {Array.from({ length: units }, (_, j) => (
        <circle key={`u${j}`} className="unit-links-unit" cx={width - 8} cy={y(j, units)} r={5} />
      ))}
    </svg>
  )
}

export const NodeHeatmap = memo(NodeHeatmapView)
export const HandSetHeatmap = memo(HandSetHeatmapView)
export const UnitLinks = memo(UnitLinksView)
