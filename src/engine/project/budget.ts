/**
 * The memory budget of a network: a network whose parameters (with their gradients, optimizer
 * state and the best-epoch copy) would not fit the engine's memory gets a compile diagnostic
 * on its largest layer, before training allocates anything and the engine process runs out.
 *
 *   bytes ≈ parameters × bytesPerValue × COPIES_PER_PARAMETER
 */
import type { DiagnosticCode } from './diagnostics'

/** Weights, gradients, two Adam moments and the restore-best copy. */
const COPIES_PER_PARAMETER = 5
/** What the parameters may take of the engine's memory (its heap limit is larger). */
export const PARAMETER_BUDGET_BYTES = 1.5 * 1024 ** 3

export interface BudgetLayer {
  id: string
  params: { units: number; useBias?: boolean }
  /** Its input width when known (a graph); absent: the previous layer's units (a chain). */
  nIn?: number
}

interface DiagnosticSink {
  error(code: DiagnosticCode, where: { nodeId?: string; param?: string }, message: string, hint: string): void
}

/** Bytes the parameters of a network take while it trains. */
export function trainingBytes(parameters: number, precision: 'float32' | 'float64'): number {
  return parameters * (precision === 'float32' ? 4 : 8) * COPIES_PER_PARAMETER
}

/**
 * Adds a `network-too-large` error when the dense layers after an input of `inputSize` exceed
 * the budget. Sizes that are not positive integers are left to the parameter checks.
 */
export function checkParameterBudget(inputSize: number | undefined, layers: BudgetLayer[], precision: 'float32' | 'float64', diag: DiagnosticSink): void {
  let nIn = inputSize
  let total = 0
  let largest: { id: string; count: number } | null = null
  for (const layer of layers) {
    const units = layer.params.units
    nIn = layer.nIn ?? nIn
    if (nIn === undefined || !Number.isInteger(units) || units <= 0) return
    const count = nIn * units + (layer.params.useBias === false ? 0 : units)
    total += count
    if (!largest || count > largest.count) largest = { id: layer.id, count }
    nIn = units
  }
  const bytes = trainingBytes(total, precision)
  if (!largest || bytes <= PARAMETER_BUDGET_BYTES) return
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`
  diag.error(
    'network-too-large',
    { nodeId: largest.id, param: 'units' },
    `This network has ${total.toLocaleString('en-US')} parameters: training it needs about ${gb(bytes)}, more than the ${gb(PARAMETER_BUDGET_BYTES)} the engine allows.`,
    `Use fewer units in this layer (it has ${largest.count.toLocaleString('en-US')} parameters)${precision === 'float64' ? ', or float32 precision' : ''}.`,
  )
}
