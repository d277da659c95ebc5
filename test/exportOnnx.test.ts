/**
 * The ONNX export of every example, trained by the engine, run in onnxruntime-node: the same
 * predictions as the engine's predictor to 1e-5 on raw inputs, and accepted by python3-onnx's
 * checker (skipped, saying why, where python3-onnx is missing). Layers with no ONNX form are refused.
 */
import { readdirSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as ort from 'onnxruntime-node'
import { describe, expect, it } from 'vitest'
import { INPUT_FEATURES, type InputFeatureId } from '../src/engine/nn/features'
import { projectSession } from '../src/cli/commands'
import { datasetSubset } from '../src/engine/data'
import { toOnnx, ONNX_OPSET } from '../src/engine/export/onnx/onnxModel'
import { ExportError } from '../src/engine/export/errors'
import { createPredictor, exportModel, type ModelFile } from '../src/engine/model'
import { createRng } from '../src/engine/rng'
import { NETWORK_INPUT, type LayerSpec } from '../src/engine/spec'
import { createSession, dense, engineSpec, merge, tableDataset } from '../src/engine/train'
import { installWasmKernels } from '../src/engine/kernels/install'
import { PYTHON, run } from './export/python'
import { requirementsMissing } from './requires'

/** Every input feature of the registry, so a new one is exported and checked too. */
const ALL_FEATURES = Object.keys(INPUT_FEATURES) as InputFeatureId[]

// The kernels the CLI and the app train with (plain TypeScript float32 would be slow here).
installWasmKernels()

const root = join(import.meta.dirname, '..')
const examples = readdirSync(join(root, 'resources/examples')).filter((f) => f.endsWith('.axon.json')).sort()
const tmp = mkdtempSync(join(tmpdir(), 'axon-onnx-'))

/** An example trained by the engine (at most 5 epochs) as a model file, and raw rows to predict. */
function trainedExample(file: string): { model: ModelFile; raw: Float64Array; count: number } {
  const { project, session, data } = projectSession(join(root, 'resources/examples', file), { epochs: 5 })
  session.trainToEnd()
  const model = exportModel(session, { title: project.meta.title })
  const source = data.test ?? data.train
  const rows = datasetSubset(source, Array.from({ length: Math.min(200, source.count) }, (_, i) => i))
  // Raw values as stored (bytes for images): the graph applies the preprocessing itself.
  return { model, raw: Float64Array.from(rows.inputs), count: rows.count }
}

/** Runs the model's ONNX export in onnxruntime on `inputs` and expects the engine's predictions to 1e-5. */
async function expectOnnxMatchesEngine(model: ModelFile, inputs: number[][]): Promise<void> {
  const raw = Float64Array.from(inputs.flat())
  const onnxSession = await ort.InferenceSession.create(toOnnx(model))
  const out = (await onnxSession.run({ input: new ort.Tensor('float32', Float32Array.from(raw), [inputs.length, inputs[0].length]) })).output.data as Float32Array
  const engine = createPredictor(model).predictRaw(raw, inputs.length)
  expect(out.length).toBe(engine.length)
  engine.forEach((v, i) => expect(Math.abs(v - out[i])).toBeLessThan(1e-5))
}

describe('ONNX export', () => {
  const written: string[] = []
  for (const file of examples) {
    it(`${file}: onnxruntime gives the engine's predictions to 1e-5`, async () => {
      const { model, raw, count } = trainedExample(file)
      const bytes = toOnnx(model)
      const path = join(tmp, file.replace('.axon.json', '.onnx'))
      writeFileSync(path, bytes)
      written.push(path)
      const session = await ort.InferenceSession.create(bytes)
      const n = model.architecture.inputSize
      const result = await session.run({ input: new ort.Tensor('float32', Float32Array.from(raw), [count, n]) })
      const onnxOut = result.output.data as Float32Array
      const engineOut = createPredictor(model).predictRaw(raw, count)
      expect(onnxOut.length).toBe(engineOut.length)
      let worst = 0
      engineOut.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - onnxOut[i]))))
      expect(worst).toBeLessThan(1e-5)
    }, 300_000)
  }

  const missing = requirementsMissing('onnx')
  it(`python3-onnx's checker accepts every export (opset ${ONNX_OPSET})`, (ctx) => {
    if (missing) ctx.skip(missing)
    expect(written.length).toBe(examples.length)
    const check = 'import onnx, sys\nfor p in sys.argv[1:]:\n    m = onnx.load(p)\n    onnx.checker.check_model(m, full_check=True)\n    print(p, m.opset_import[0].version)'
    const r = run(PYTHON, ['-c', check, ...written], tmp)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(examples.length)
  })

  it('a trained network with batch normalisation and every hidden activation: onnxruntime gives the engine\'s predictions to 1e-5', async () => {
    const rng = createRng(5)
    const inputs = Array.from({ length: 24 }, () => [rng.range(-2, 2), rng.range(-2, 2), rng.range(-2, 2)])
    const targets = inputs.map(([a, b]) => (a * b > 0 ? [1, 0] : [0, 1]))
    const hidden = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'softplus', 'linear', 'noisyRelu'] as const
    const layers: LayerSpec[] = hidden.flatMap((id, i): LayerSpec[] => [dense(`h${i}`, 4, id === 'linear' ? { id, slope: 0.7 } : id === 'leakyRelu' ? { id, alpha: 0.2 } : id), ...(i % 2 === 0 ? [{ kind: 'batchNorm', nodeId: `bn${i}`, momentum: 0.2, epsilon: 1e-5 } as LayerSpec] : [])])
    const spec = engineSpec({ inputSize: 3, layers: [...layers, dense('out', 2, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' } }, { training: { batch: { mode: 'mini', size: 6 }, maxEpochs: 5, shuffle: true, validationFraction: 0 } })
    const session = createSession(spec, tableDataset(inputs, targets))
    session.trainToEnd()
    await expectOnnxMatchesEngine(exportModel(session, { title: 'batch norm' }), inputs)
  })

  it('a graph: two branches concatenated (input included) and an Add with an activation, to 1e-5', async () => {
    const rng = createRng(8)
    const inputs = Array.from({ length: 20 }, () => [rng.range(-2, 2), rng.range(-2, 2)])
    const targets = inputs.map(([a, b]) => [a * b > 0 ? 1 : 0])
    const layers: LayerSpec[] = [dense('a', 3, 'tanh'), dense('b', 2, 'relu', { inputs: [NETWORK_INPUT] }), merge('add', 'sum', ['b', NETWORK_INPUT], 'softplus'), merge('concat', 'both', ['a', 'sum', NETWORK_INPUT]), dense('o', 1, 'sigmoid')]
    const spec = engineSpec({ inputSize: 2, layers, loss: { id: 'bce', reduction: 'mean' } }, { training: { batch: { mode: 'full' }, maxEpochs: 10, shuffle: false, validationFraction: 0 } })
    const session = createSession(spec, tableDataset(inputs, targets))
    session.trainToEnd()
    await expectOnnxMatchesEngine(exportModel(session, { title: 'branches' }), inputs)
  })

  it('input features (every one, and a single one): onnxruntime gives the engine\'s predictions to 1e-5', async () => {
    const rng = createRng(11)
    const inputs = Array.from({ length: 20 }, () => [rng.range(-3, 3), rng.range(-3, 3)])
    const targets = inputs.map(([a, b]) => [a * a + b * b < 4 ? 1 : 0])
    for (const features of [ALL_FEATURES, ['sinX2' as const]]) {
      const layers: LayerSpec[] = [{ kind: 'features', nodeId: 'feat', features: [...features] }, dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')]
      const spec = engineSpec({ inputSize: 2, layers, loss: { id: 'bce', reduction: 'mean' } }, { training: { batch: { mode: 'full' }, maxEpochs: 10, shuffle: false, validationFraction: 0 } })
      const session = createSession(spec, tableDataset(inputs, targets))
      session.trainToEnd()
      await expectOnnxMatchesEngine(exportModel(session, { title: 'features' }), inputs)
    }
  })

  it('refuses a layer with no ONNX form, naming it', () => {
    const { model } = trainedExample('xor-2-2-1-sigmoid.axon.json')
    const strange = { ...model, architecture: { ...model.architecture, layers: [...model.architecture.layers, { kind: 'conv2d', nodeId: 'conv' }] } }
    expect(() => toOnnx(strange as unknown as ModelFile)).toThrow(ExportError)
    expect(() => toOnnx(strange as unknown as ModelFile)).toThrow('The layer "conv" (conv2d) has no ONNX form')
  })
})
