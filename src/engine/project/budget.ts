/**
 * The size budget of a network: a layer wider than the engine trains, or a network with more
 * parameters than it trains (`nn/sizeLimits.ts`, the engine's own limits, which keep its memory
 * in the hundreds of MB), gets a compile diagnostic on the layer, before training allocates
 * anything; the canvas would otherwise say "Compiles" for a network the engine then refuses.
 *
 *   bytes ≈ parameters × bytesPerValue × COPIES_PER_PARAMETER
 */
import type { DiagnosticCode } from './diagnostics'
import { MAX_LAYER_WIDTH, MAX_PARAMETERS } from '../nn/sizeLimits'

/** Weights, gradients, two Adam moments and the restore-best copy. */
const COPIES_PER_PARAMETER = 5
/** A layer's size as the engine counts it (its kind's `units` and `paramCount`); undefined where not known (a width unknown or not valid). */
export interface BudgetLayer {
  id: string
  units: number | undefined
  params: number | undefined
}

interface DiagnosticSink {
  error(code: DiagnosticCode, where: { nodeId?: string; param?: string }, message: string, hint: string): void
}

/** Bytes the parameters of a network take while it trains. */
export function trainingBytes(parameters: number, precision: 'float32' | 'float64'): number {
  return parameters * (precision === 'float32' ? 4 : 8) * COPIES_PER_PARAMETER
}

/**
 * Adds a `network-too-large` error when a layer is wider than the engine trains, or the layers
 * together have more parameters than it trains (on the layer with the most). The sizes are the
 * engine's own counts (`compileLayers.ts` asks each layer's kind), so what the canvas compiles
 * the engine trains; past a layer whose size is unknown nothing is said (the other checks are).
 */
export function checkParameterBudget(layers: readonly BudgetLayer[], precision: 'float32' | 'float64', diag: DiagnosticSink): void {
  let total = 0
  let largest: { id: string; count: number } | null = null
  for (const { id, units, params } of layers) {
    if (units === undefined || params === undefined) return
    if (units > MAX_LAYER_WIDTH) {
      const most = MAX_LAYER_WIDTH.toLocaleString('en-US')
      diag.error('network-too-large', { nodeId: id, param: 'units' }, `This layer has ${units.toLocaleString('en-US')} units; the engine trains layers of at most ${most}.`, `Use at most ${most} units here.`)
      return
    }
    total += params
    if (!largest || params > largest.count) largest = { id, count: params }
  }
  if (!largest || total <= MAX_PARAMETERS) return
  const gb = (trainingBytes(total, precision) / 1024 ** 3).toFixed(1)
  diag.error(
    'network-too-large',
    { nodeId: largest.id, param: 'units' },
    `This network has ${total.toLocaleString('en-US')} parameters (about ${gb} GB while training); the engine trains at most ${MAX_PARAMETERS.toLocaleString('en-US')}.`,
    `Use fewer units in this layer (it has ${largest.count.toLocaleString('en-US')} parameters).`,
  )
}
