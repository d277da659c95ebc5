/**
 * The PyTorch export, run with Debian's python3-torch: the Mazur 2-2-2 lecture step to the
 * printed digits, and a seeded sample of random small projects whose weights after k updates
 * equal the engine's to 1e-12 (float64). Skips, saying why, where torch is missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { pytorchScript } from '../src/engine/export/pytorch/script'
import { tableExportData } from '../src/engine/export/projectData'
import { createSession } from '../src/engine/train'
import type { ModelFile } from '../src/engine/model'
import { randomProject } from './export/randomProjects'
import { runScripts } from './export/python'
import { describeRequiring } from './requires'

const tmp = mkdtempSync(join(tmpdir(), 'axon-export-'))

/** Flat parameters of a model JSON in the engine's order (dense: W row-major, then b; batch norm: γ, then β). */
function flatParams(model: ModelFile): number[] {
  return model.architecture.layers.flatMap((l) => (l.kind === 'dense' ? [...l.weights.flat(), ...(l.biases ?? [])] : l.kind === 'batchNorm' ? [...l.gamma, ...l.beta] : []))
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
})
