/**
 * The numbers of one data row's forward and backward pass, as the lectures compute them by hand:
 * a unit's net, its activation's derivative f′(net), its error term δ and a weight's gradient.
 * They come from the step-through trace (`trace/trace.ts`), so the lesson shows what the
 * Step-through view shows. Also the spread of a layer's net over all rows (initialisation).
 */
import { activationParams, activations } from '../nn/activations'
import type { Session } from '../train'
import { datasetReadBatch } from '../train/batchRows'
import { traceExample, type TraceLayer } from '../trace/trace'
import { LessonCheckError } from './errors'

export type TraceQuantity = 'net' | 'derivative' | 'delta' | 'gradient'

export interface TraceMeasure {
  quantity: TraceQuantity
  node: string
  unit: number
  example: number
  input?: number
}

/** Refuses a unit (or input) index past the layer's width: a flat index would read another unit's number. */
export function checkIndex(index: number, size: number, what: string, node: string): void {
  if (index >= size) throw new LessonCheckError(`“${node}” has ${size} ${what}${size === 1 ? '' : 's'}: there is no ${what} ${index + 1}.`)
}

/** Data row `example` as training reads it (scaled and normalised like a batch). */
export function exampleRow(session: Session, example: number): { input: Float64Array; target: Float64Array } {
  const data = session.train
  if (example >= data.count) throw new LessonCheckError(`The data has no row ${example + 1}.`)
  const input = new Float64Array(data.inputSize)
  const target = new Float64Array(data.targetSize)
  datasetReadBatch(data, [example], 0, 1, input, target)
  return { input, target }
}

function traceLayer(session: Session, m: TraceMeasure): TraceLayer {
  const { input, target } = exampleRow(session, m.example)
  const layer = traceExample(session, input, target).layers.find((l) => l.nodeId === m.node)
  if (!layer) throw new LessonCheckError(`“${m.node}” is not a layer of the network.`)
  checkIndex(m.unit, layer.out.length, 'unit', m.node)
  return layer
}

/** f′(net) of the layer's activation at unit j (from its spec, so its slope or α count). */
function derivativeAt(session: Session, node: string, net: number, out: number): number {
  const spec = session.spec.model.layers.find((l) => l.nodeId === node)
  const act = spec && 'activation' in spec ? spec.activation : undefined
  if (!act) throw new LessonCheckError(`“${node}” has no activation.`)
  if (!activations[act.id].elementwise) throw new LessonCheckError(`${activations[act.id].label} is not element-wise: it has no single f′(net) per unit.`)
  return activations[act.id].derivative(net, out, activationParams(act))
}

function has(values: number[] | undefined, unit: number, what: string, node: string): number {
  const v = values?.[unit]
  if (v === undefined || !Number.isFinite(v)) throw new LessonCheckError(`“${node}” has no ${what}.`)
  return v
}

/** The trace's number for `m` (no update is applied). */
export function traceValue(session: Session, m: TraceMeasure): number {
  const layer = traceLayer(session, m)
  switch (m.quantity) {
    case 'net':
      return has(layer.net, m.unit, 'net input', m.node)
    case 'derivative':
      return derivativeAt(session, m.node, has(layer.net, m.unit, 'net input', m.node), layer.out[m.unit])
    case 'delta':
      // The trace keeps ∂E/∂net; the lectures' δ is its negative (δ_k = o_k(1 − o_k)(t_k − o_k)).
      return -has(layer.delta, m.unit, 'error term', m.node)
    case 'gradient': {
      const rows = layer.gradWeights
      if (!rows) throw new LessonCheckError(`“${m.node}” has no weights.`)
      checkIndex(m.input ?? 0, rows[0]?.length ?? 0, 'input', m.node)
      return has(rows[m.unit], m.input ?? 0, 'gradient', m.node)
    }
  }
}

/** Standard deviation of net over every unit of `node` and every data row (lecture 002's z ~ N(0, σ²)). */
export function netSpread(session: Session, node: string): number {
  const data = session.train
  let sum = 0
  let sumSq = 0
  let n = 0
  for (let i = 0; i < data.count; i++) {
    const { input, target } = exampleRow(session, i)
    const layer = traceExample(session, input, target).layers.find((l) => l.nodeId === node)
    if (!layer?.net) throw new LessonCheckError(`“${node}” is not a layer with net inputs.`)
    for (const v of layer.net) {
      sum += v
      sumSq += v * v
      n++
    }
  }
  const mean = sum / n
  return Math.sqrt(Math.max(0, sumSq / n - mean * mean))
}
