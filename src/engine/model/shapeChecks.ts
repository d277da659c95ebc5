/**
 * The model file's checks across fields, run once its architecture and preprocessing have the
 * right types: what each layer reads (earlier layers only), the width of it against the layer's
 * `nIn` and `units` and the lengths its kind declares for its lists (`[units]`, `[units][nIn]`,
 * `schema/layerFields.ts`), the graph (no dead branch), the output layer and `outputSize`, and
 * the preprocessing's lengths and class names. Each problem is reported at its JSON path.
 */
import { cutText, quoteUser } from '../data/userText'
import type { LayerKind } from '../nn/layer'
import { layerKinds } from '../nn/layers'
import { layerSources, sum } from '../nn/topology'
import { widthsOf, type Width } from '../schema/layerFields'
import { orList } from '../schema/issues'
import type { z } from '../schema/z'
import { NETWORK_INPUT, type LayerSpec } from '../spec'
import type { ModelArchitecture, ModelFile, ModelLayer, ModelPreprocessing } from './format'

type Path = (string | number)[]
type Report = (path: Path, message: string) => void

/** A width to compare against, or NaN where it is unknown (reported where it is wrong). */
const known = (n: number): number => (Number.isInteger(n) && n >= 1 ? n : NaN)

const ONE_PER: Record<Width, string> = { units: 'one per unit', nIn: 'one per input' }

/** The widths of what layer `i` reads (NaN for a source that is not an earlier layer). */
function sourceWidths(layers: readonly ModelLayer[], i: number, inputSize: number, width: ReadonlyMap<string, number>, report: Report): number[] {
  const names = layers[i].inputs ?? [i === 0 ? NETWORK_INPUT : layers[i - 1].nodeId]
  return names.map((name) => {
    const w = name === NETWORK_INPUT ? inputSize : width.get(name)
    if (w === undefined) report(['architecture', 'layers', i, 'inputs'], `${quoteUser(name)} is not an earlier layer's nodeId (or "${NETWORK_INPUT}")`)
    return w ?? NaN
  })
}

/** Checks a list field's lengths against the layer's widths (`[units]` or `[units][nIn]`). */
function checkLengths(value: unknown, widths: readonly Width[], size: Record<Width, number>, path: Path, report: Report): void {
  if (!Array.isArray(value)) return
  const [rows, cols] = widths
  const n = size[rows]
  if (Number.isNaN(n)) return
  if (cols === undefined) {
    if (value.length !== n) report(path, `must be ${n} numbers (${ONE_PER[rows]})`)
    return
  }
  if (value.length !== n) return report(path, `must have ${n} rows (${ONE_PER[rows]})`)
  const m = size[cols]
  if (Number.isNaN(m)) return
  value.forEach((row: unknown, j) => {
    // A row that is no array of numbers is reported as such by the schema.
    if (Array.isArray(row) && row.length !== m) report([...path, j], `must be ${m} numbers (${ONE_PER[cols]})`)
  })
}

/** Checks one layer against the widths of what it reads; returns its output width (NaN if unknown). */
function checkLayer(layer: ModelLayer, widths: readonly number[], at: Path, report: Report): number {
  const kind = layerKinds[layer.kind] as unknown as LayerKind
  const fields = layer as unknown as Record<string, unknown>
  // What a layer reads is unknown where a source is (reported there) or their number is wrong
  // (reported by the schema): not compared, it would only say "must be NaN".
  const reads = (kind.merge ? widths.length >= 2 : widths.length === 1) ? widths : [NaN]
  const nIn = sum(reads)
  const inputs = Number.isNaN(nIn) ? null : kind.inputsProblem?.(reads)
  if (inputs) {
    report([...at, 'inputs'], inputs)
    return NaN
  }
  // A dense layer's width is its own; other kinds' follow from what they read.
  const units = known(kind.units(kind.fromExport(layer as never), nIn, reads))
  if ('nIn' in fields && fields.nIn !== nIn && !Number.isNaN(nIn)) report([...at, 'nIn'], `must be ${nIn} (the width of what it reads)`)
  if ('units' in fields && fields.units !== units && !Number.isNaN(units)) report([...at, 'units'], `must be ${units}`)
  for (const [key, field] of Object.entries(kind.modelFields.shape)) {
    const lengths = widthsOf(field as z.ZodType)
    if (lengths) checkLengths(fields[key], lengths, { units, nIn }, [...at, key], report)
  }
  return units
}

/**
 * Checks the layers through the graph; returns the output width (NaN if unknown). `problems`:
 * how many the schema found in the architecture already.
 */
function checkLayers(a: ModelArchitecture, problems: number, report: Report): number {
  const width = new Map<string, number>()
  const inputSize = known(a.inputSize)
  let last = NaN
  const counted: Report = (path, message) => {
    problems++
    report(path, message)
  }
  a.layers.forEach((layer, i) => {
    const widths = sourceWidths(a.layers, i, inputSize, width, counted)
    last = checkLayer(layer, widths, ['architecture', 'layers', i], counted)
    width.set(layer.nodeId, last)
  })
  // The graph's own problems (a dead branch, a repeated id) once every source is known.
  const shape = problems === 0 ? layerSources(a.layers as unknown as LayerSpec[]).problem : null
  if (shape) report(['architecture', 'layers', a.layers.findIndex((l) => l.nodeId === shape.nodeId)], shape.message)
  return last
}

const OUTPUT_KINDS = Object.values(layerKinds).filter((k) => k.output).map((k) => k.kind)

/** The last layer can be the output, and `outputSize` is its width. */
function checkOutput(a: ModelArchitecture, outputSize: number, report: Report): void {
  const output = a.layers.at(-1)
  // No layers is its own problem ("must be a non-empty array"), reported by the schema.
  if (!output) return
  if (!layerKinds[output.kind].output) report(['architecture', 'layers', a.layers.length - 1], `must be a ${orList(OUTPUT_KINDS)} layer (the output), not ${output.kind}`)
  if (!Number.isNaN(outputSize) && a.outputSize !== outputSize) report(['architecture', 'outputSize'], `must be ${outputSize} (the last layer's units)`)
}

/** One shift and scale per input feature; one class name per output unit (a single output: at most two). */
function checkPreprocessing(p: ModelPreprocessing, inputSize: number, outputSize: number, report: Report): void {
  for (const key of ['shift', 'scalePerFeature'] as const) {
    const list = p[key]
    if (list && !Number.isNaN(inputSize) && list.length !== inputSize) report(['preprocessing', key], `must be ${inputSize} numbers (one per input feature)`)
  }
  const names = p.labelNames
  if (!names || Number.isNaN(outputSize)) return
  if (outputSize === 1 ? names.length > 2 : names.length !== outputSize) {
    report(['preprocessing', 'labelNames'], outputSize === 1 ? 'must have at most 2 names for one output' : `must have ${outputSize} names (one per output unit)`)
  }
}

/** The model file's checks across fields (a zod refinement of the model file's schema). */
export function checkModelShapes(model: ModelFile, ctx: z.RefinementCtx<ModelFile>): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message: cutText(message, 300), input: undefined })
  const a = model.architecture
  const outputSize = checkLayers(a, ctx.issues.filter((i) => i.path?.[0] === 'architecture').length, report)
  checkOutput(a, outputSize, report)
  checkPreprocessing(model.preprocessing, known(a.inputSize), outputSize, report)
}
