import { trainedValuesOf, type RunWeights } from '../../../engine/experiments/runHistory'
import { parseModel } from '../../../engine/model/import'

/** The trained values in a model file's text (the engine's model export), or undefined when it does not read. */
export function trainedValuesOfModelText(text: string): RunWeights | undefined {
  const parsed = parseModel(text)
  return parsed.ok ? trainedValuesOf(parsed.model) : undefined
}
