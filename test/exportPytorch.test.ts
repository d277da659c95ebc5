/**
 * The PyTorch export, run with Debian's python3-torch: the Mazur 2-2-2 lecture step to the
 * printed digits, and a seeded sample of random small projects whose weights after k updates
 * equal the engine's to 1e-12 (float64). Skips, saying why, where torch is missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { INPUT_FEATURES, type InputFeatureId } from '../src/engine/nn/features'
import { pytorchScript } from '../src/engine/export/pytorch/script'
import { tableExportData } from '../src/engine/export/projectData'
import { createSession, dense, engineSpec, merge, tableDataset } from '../src/engine/train'
import { createPredictor, type ModelFile } from '../src/engine/model'
import { createRng } from '../src/engine/rng'
import { NETWORK_INPUT, type Dataset, type EngineSpec, type LayerSpec } from '../src/engine/spec'
import { randomProject } from './export/randomProjects'
import { runScripts } from './export/python'
import { describeRequiring } from './requires'

/** Every input feature of the registry, so a new one is exported and checked too. */
const ALL_FEATURES = Object.keys(INPUT_FEATURES) as InputFeatureId[]

const tmp = mkdtempSync(join(tmpdir(), 'axon-export-'))

/** Flat parameters of a model JSON in the engine's order (dense: W row-major, then b; batch norm: γ, then β). */
function flatParams(model: ModelFile): number[] {
  return model.architecture.layers.flatMap((l) => (l.kind === 'dense' ? [...l.weights.flat(), ...(l.biases ?? [])] : l.kind === 'batchNorm' ? [...l.gamma, ...l.beta] : []))
}

/** Runs `spec`'s PyTorch script for `steps` updates and checks its weights (and model JSON) against the engine's. */
function expectTorchMatches(name: string, spec: EngineSpec, data: Dataset, steps: number): void {
  const script = join(tmp, `${name}.py`)
  writeFileSync(script, pytorchScript({ title: name, spec, data: tableExportData(data), weights: 'project' }))
  const [r] = runScripts([{ script, args: ['--max-steps', String(steps), '--out', join(tmp, `${name}.json`)] }], tmp)
  expect(r.code, r.stderr).toBe(0)
  const session = createSession(JSON.parse(JSON.stringify(spec)), data)
  for (let s = 0; s < steps && !session.stopped; s++) session.step('batch')
  const model = JSON.parse(readFileSync(join(tmp, `${name}.json`), 'utf8')) as ModelFile
  expect(model.architecture.layers.map((l) => l.inputs)).toEqual(spec.model.layers.map((l) => l.inputs))
  const engine = Array.from(session.getFlatParams())
  const torch = flatParams(model)
  expect(torch.length).toBe(engine.length)
  expect(Math.max(...engine.map((w, i) => Math.abs(w - torch[i]) / Math.max(1, Math.abs(w))))).toBeLessThan(1e-12)
  // The model JSON the script writes opens in the engine and predicts as the engine's session does.
  const fromTorch = createPredictor(model).predict(data.inputs, data.count)
  const fromEngine = session.predict(data.inputs, data.count)
  fromEngine.forEach((v, i) => expect(Math.abs(v - fromTorch[i])).toBeLessThan(1e-10))
}

describeRequiring(['torch', 'numpy'], 'PyTorch export (float64) against the engine', () => {
  const SAMPLE = 60
  it(`${SAMPLE} random small projects: weights after k updates equal the engine's to 1e-12 (relative above 1)`, () => {
    const projects = Array.from({ length: SAMPLE }, (_, n) => randomProject(n))
    const jobs = projects.map((p, n) => {
      const script = join(tmp, `random-${n}.py`)
      writeFileSync(script, pytorchScript({ title: `random ${n}`, spec: p.spec, data: tableExportData(p.data), weights: 'project' }))
      return { script, args: ['--max-steps', String(p.steps), '--out', join(tmp, `random-${n}.json`)] }
    })
    const runs = runScripts(jobs, tmp)
    projects.forEach((p, n) => {
      const label = `random project ${n}: ${JSON.stringify(p.spec)}`
      expect(runs[n].code, `${label}\n${runs[n].stderr}`).toBe(0)
      const session = createSession(JSON.parse(JSON.stringify(p.spec)), p.data)
      for (let s = 0; s < p.steps && !session.stopped; s++) session.step('batch')
      const model = JSON.parse(readFileSync(join(tmp, `random-${n}.json`), 'utf8')) as ModelFile
      expect(model.history.iterations, label).toBe(session.iteration)
      const engine = Array.from(session.getFlatParams())
      const torch = flatParams(model)
      expect(torch.length, label).toBe(engine.length)
      // 1e-12, relative to the weight where it is above 1 (a few sampled runs blow up to 1e19).
      const worst = Math.max(...engine.map((w, i) => Math.abs(w - torch[i]) / Math.max(1, Math.abs(w))))
      expect(worst, label).toBeLessThan(1e-12)
    })
  }, 600_000)

  it('graphs: a residual block, two concatenated branches and batch norm in a branch train step for step as in the engine (1e-12)', () => {
    const rng = createRng(3)
    const inputs = Array.from({ length: 12 }, () => [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)])
    const data = tableDataset(inputs, inputs.map(([a, b, c]) => [a * b > 0 ? 1 : 0, c > 0 ? 1 : 0]))
    const layers: LayerSpec[] = [
      dense('stem', 3, 'tanh'),
      dense('f1', 4, 'relu'),
      dense('f2', 3, 'linear'),
      merge('add', 'sum', ['stem', 'f2'], 'tanh'),
      dense('side', 2, 'sigmoid', { inputs: [NETWORK_INPUT] }),
      { kind: 'batchNorm', nodeId: 'bn', momentum: 0.2, epsilon: 1e-5 },
      merge('concat', 'both', ['sum', 'bn', NETWORK_INPUT]),
      dense('o', 2, 'sigmoid'),
    ]
    const spec = engineSpec({ inputSize: 3, layers, loss: { id: 'bce', reduction: 'mean' } }, { seed: 9, optimizer: { id: 'adam', learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, training: { batch: { mode: 'mini', size: 4 }, maxEpochs: 20, shuffle: true, validationFraction: 0 } })
    expectTorchMatches('graph', spec, data, 15)
  }, 300_000)

  it('input features (x₁², x₁x₂, sin x₂ …) before the first layer train step for step as in the engine (1e-12)', () => {
    const rng = createRng(6)
    const inputs = Array.from({ length: 12 }, () => [rng.range(-2, 2), rng.range(-2, 2)])
    const data = tableDataset(inputs, inputs.map(([a, b]) => [a * b > 0 ? 1 : 0]))
    const layers: LayerSpec[] = [{ kind: 'features', nodeId: 'feat', features: ALL_FEATURES }, dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')]
    const spec = engineSpec({ inputSize: 2, layers, loss: { id: 'bce', reduction: 'mean' } }, { seed: 4, optimizer: { id: 'sgd', learningRate: 0.3 }, training: { batch: { mode: 'mini', size: 4 }, maxEpochs: 10, shuffle: true, validationFraction: 0 } })
    expectTorchMatches('features', spec, data, 12)
  }, 300_000)
})
