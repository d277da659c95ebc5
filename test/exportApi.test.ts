/**
 * The export part of EngineApi (what File › Export calls): a script for a project whose CSV was
 * opened and prepared through the data API (by handle) trains to the CLI session's weights; ONNX
 * bytes for trained and hand-set models; untrained models and broken networks are refused.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectSession, readProject, runCli } from '../src/cli/commands'
import { createDataApi } from '../src/engine/host/dataFiles'
import { createExportApi } from '../src/engine/host/exportFiles'
import { exportModel, serializeModel, type ModelFile } from '../src/engine/model'
import { PYTHON, run } from './export/python'
import { requirementsMissing } from './requires'

const root = join(import.meta.dirname, '..')
const fixture = (name: string): string => join(root, 'test/fixtures/export', name)
const example = (name: string): string => join(root, 'resources/examples', `${name}.axon.json`)
const tmp = mkdtempSync(join(tmpdir(), 'axon-export-api-'))
const api = createExportApi()
const missing = requirementsMissing('torch', 'numpy')

describe('EngineApi export', () => {
  it(`a CSV opened by handle: the script trains to the engine's weights to 1e-12`, async (ctx) => {
    if (missing) ctx.skip(missing)
    const data = createDataApi()
    const opened = await data.openCsv('iris-42.csv', readFileSync(fixture('iris-42.csv')))
    if (!opened.ok) throw new Error(opened.error.message)
    const prepared = await data.prepareDataset(opened.value.handle, { targets: ['species'], missing: 'error', normalization: 'zScore', validation: 0, test: 0, stratify: false, seed: 2024, limit: 40 })
    if (!prepared.ok) throw new Error(prepared.error.message)
    const project = readProject(fixture('iris-csv.axon.json'))
    const script = await api.exportPytorch(project, { kind: 'handle', handle: prepared.value.handle })
    // The script reads the project's path, relative to itself: put it beside a copy of the file.
    writeFileSync(join(tmp, 'iris.py'), script)
    copyFileSync(fixture('iris-42.csv'), join(tmp, 'iris-42.csv'))
    const r = run(PYTHON, [join(tmp, 'iris.py'), '--out', join(tmp, 'iris.json')], tmp)
    expect(r.code, r.stderr).toBe(0)
    const { session } = projectSession(fixture('iris-csv.axon.json'))
    session.trainToEnd()
    const model = JSON.parse(readFileSync(join(tmp, 'iris.json'), 'utf8')) as ModelFile
    const torch = model.architecture.layers.flatMap((l) => (l.kind === 'dense' ? [...l.weights.flat(), ...(l.biases ?? [])] : []))
    Array.from(session.getFlatParams()).forEach((w, i) => expect(Math.abs(w - torch[i])).toBeLessThan(1e-12))
  }, 300_000)

  it(`a CSV whose missing cells the app filled (a column's mean, a category's mode): the script fills them alike and trains to the engine's weights to 1e-12`, async (ctx) => {
    if (missing) ctx.skip(missing)
    // iris-42 with a text column and gaps: numbers, a category, and one row without its target (dropped).
    const lines = readFileSync(fixture('iris-42.csv'), 'utf8').trim().split('\n')
    const gappy = lines.map((line, i) => {
      if (i === 0) return `${line},site`
      const cells = line.split(',')
      if (i % 7 === 3) cells[0] = ''
      if (i % 11 === 5) cells[3] = ''
      if (i === 20) cells[2] = ''
      return `${cells.join(',')},${i % 9 === 4 ? '' : ['north', 'south', 'east'][i % 3]}`
    })
    const text = `${gappy.join('\n')}\n`
    writeFileSync(join(tmp, 'iris-gaps.csv'), text)
    const base = readProject(fixture('iris-csv.axon.json'))
    if (base.data.kind !== 'file') throw new Error('iris-csv reads a file')
    const project = { ...base, data: { ...base.data, path: 'iris-gaps.csv', missing: 'mean' as const } }
    writeFileSync(join(tmp, 'iris-gaps.axon.json'), JSON.stringify(project))
    const data = createDataApi()
    const opened = await data.openCsv('iris-gaps.csv', new TextEncoder().encode(text))
    if (!opened.ok) throw new Error(opened.error.message)
    const prepared = await data.prepareDataset(opened.value.handle, { targets: ['species'], missing: 'mean', normalization: 'zScore', validation: 0, test: 0, stratify: false, seed: 2024, limit: 40 })
    if (!prepared.ok) throw new Error(prepared.error.message)
    expect(prepared.value.report?.filled.map((f) => f.column).sort()).toEqual(['petal_length', 'sepal_length', 'site'])
    const script = await api.exportPytorch(project, { kind: 'handle', handle: prepared.value.handle })
    // Every chosen column has its fill, gaps or not: a given test file may have gaps where training had none.
    const fills = JSON.parse(/"fills": (\{[^}]*\})/.exec(script)![1]) as Record<string, number | string>
    expect(Object.keys(fills).sort()).toEqual(['petal_length', 'petal_width', 'sepal_length', 'sepal_width', 'site'])
    writeFileSync(join(tmp, 'iris-gaps.py'), script)
    // `axon export` writes the same script, fills included.
    expect(runCli(['export', join(tmp, 'iris-gaps.axon.json'), '--to', 'pytorch', '--out', join(tmp, 'iris-gaps-cli.py')], () => {}, () => {})).toBe(0)
    expect(readFileSync(join(tmp, 'iris-gaps-cli.py'), 'utf8')).toBe(script)
    const r = run(PYTHON, [join(tmp, 'iris-gaps.py'), '--out', join(tmp, 'iris-gaps.json')], tmp)
    expect(r.code, r.stderr).toBe(0)
    const { session } = projectSession(join(tmp, 'iris-gaps.axon.json'))
    expect(session.train.inputSize).toBe(7)
    session.trainToEnd()
    const model = JSON.parse(readFileSync(join(tmp, 'iris-gaps.json'), 'utf8')) as ModelFile
    const torch = model.architecture.layers.flatMap((l) => (l.kind === 'dense' ? [...l.weights.flat(), ...(l.biases ?? [])] : []))
    Array.from(session.getFlatParams()).forEach((w, i) => expect(Math.abs(w - torch[i])).toBeLessThan(1e-12))
  }, 300_000)

  it('an inline project gives a script Python can compile, with the project inside', async () => {
    const project = readProject(example('xor-2-2-1-sigmoid'))
    const script = await api.exportPytorch(project, { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] })
    expect(script).toContain('TITLE = "XOR with a 2-2-1 sigmoid network"')
    expect(script).toContain('"learningRate": 2')
    writeFileSync(join(tmp, 'xor.py'), script)
    const r = run(PYTHON, ['-m', 'py_compile', join(tmp, 'xor.py')], tmp)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })

  it('a network that cannot train is refused with the compiler’s reason', async () => {
    const project = readProject(example('xor-2-2-1-sigmoid'))
    const broken = { ...project, nodes: project.nodes.filter((n) => n.kind !== 'loss'), edges: [] }
    await expect(api.exportPytorch(broken, { kind: 'inline', inputs: [[0, 0]], targets: [[0]] })).rejects.toThrow(/The network cannot be trained\. /)
  })

  it('ONNX: refuses an untrained model, accepts hand-set and trained ones', async () => {
    const { session, project } = projectSession(example('xor-2-2-1-sigmoid'))
    const untrained = serializeModel(exportModel(session, { title: project.meta.title }))
    // The hint (what to do) is in the message: Comlink carries only the name and message to the page.
    await expect(api.exportOnnx(untrained)).rejects.toMatchObject({ name: 'ExportError', message: expect.stringMatching(/is not trained yet: .* Train the network first/) })
    expect((await api.exportOnnx(untrained, { weightsGiven: true })).length).toBeGreaterThan(100)
    session.step('epoch')
    const trained = await api.exportOnnx(serializeModel(exportModel(session, { title: project.meta.title })))
    expect(trained[0]).toBe(0x08) // field 1 (ir_version), varint: an ONNX ModelProto
  })
})
