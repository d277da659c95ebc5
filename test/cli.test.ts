/**
 * The `axon` command: as a subprocess (bin/axon.mjs) on the lecture examples and on bad inputs,
 * and in-process through `runCli` for the rest.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { asksForHelp, runCli } from '../src/cli/commands'
import { parseModel } from '../src/engine/model'

const root = join(import.meta.dirname, '..')
const example = (name: string): string => join(root, 'resources/examples', `${name}.axon.json`)
const sample = (file: string): string => join(root, 'resources/data/fashion-sample', file)
const tmp = mkdtempSync(join(tmpdir(), 'axon-cli-'))

function axon(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/axon.mjs'), ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function run(...args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(args, (l) => out.push(l), (l) => err.push(l))
  return { code, out, err }
}

describe('axon (subprocess)', () => {
  it('train mazur-2-2-2 --epochs 1 --json prints the lecture’s E_total', () => {
    const r = axon('train', example('mazur-2-2-2'), '--epochs', '1', '--json')
    expect(r.code).toBe(0)
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(events.map((e) => e.event)).toEqual(['start', 'epoch', 'done'])
    expect(events[1].loss.toFixed(9)).toBe('0.298371109')
    expect(events[2]).toMatchObject({ stopReason: 'maxEpochs', epochs: 1, iterations: 1 })
  })

  it('trains with --out, then eval and predict the written model', () => {
    const out = join(tmp, 'xor.json')
    expect(axon('train', example('xor-2-2-1-sigmoid'), '--out', out).code).toBe(0)
    const model = parseModel(readFileSync(out, 'utf8'))
    expect(model.ok).toBe(true)
    const p = axon('predict', out, '--input', '0,0;0,1;1,0;1,1', '--json')
    expect(p.code).toBe(0)
    const outputs = p.stdout.trim().split('\n').map((l) => JSON.parse(l).output[0])
    expect(outputs.map(Math.round)).toEqual([0, 1, 1, 0])
    const csv = join(tmp, 'xor.csv')
    writeFileSync(csv, 'x1,x2,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n')
    const e = axon('eval', out, '--data', csv, '--json')
    expect(e.code).toBe(0)
    expect(JSON.parse(e.stdout)).toMatchObject({ event: 'eval', count: 4 })
  })

  it('exits non-zero with a clear message for bad files and arguments', () => {
    const missing = axon('train', 'no-such.axon.json')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/File not found: no-such\.axon\.json/)
    const bad = axon('train', example('mazur-2-2-2'), '--epochs', '0')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--epochs must be a whole number ≥ 1/)
    const unknown = axon('fly')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/Unknown command “fly”/)
    const help = axon('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/axon train <project\.axon\.json>/)
  })
})

describe('axon (in process)', () => {
  it('knows a command line that only asks for help (it then starts no threads and no kernel)', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['train', '--help'], ['export', 'x.json', '-h']]) expect(asksForHelp(argv)).toBe(true)
    for (const argv of [['train', 'x.json'], ['fly', '--help'], ['toString', '--help'], ['train', 'help']]) expect(asksForHelp(argv)).toBe(false)
    expect(run('toString').err).toEqual(['Unknown command “toString”. Commands: export, train, eval, predict, trace (axon --help).'])
    expect(run('train', '-h')).toMatchObject({ code: 0, err: [] })
    expect(run()).toMatchObject({ code: 2, err: [] })
  })

  it('train prints one human-readable line per epoch', () => {
    const r = run('train', example('perceptron-and'))
    expect(r.code).toBe(0)
    expect(r.out[1]).toMatch(/^epoch 1\/20 {2}loss 1 {2}accuracy 50\.00%/)
    expect(r.out.at(-1)).toMatch(/Stopped: converged after \d+ epochs/)
  })

  it('trace gives the forward/backward numbers of one example', () => {
    const r = run('trace', example('mazur-2-2-2'), '--sample', '0')
    expect(r.code).toBe(0)
    const trace = JSON.parse(r.out.join('\n'))
    expect(trace.layers[0].out[0].toFixed(9)).toBe('0.593269992')
    expect(trace.loss.toFixed(9)).toBe('0.298371109')
    expect(run('trace', example('mazur-2-2-2'), '--sample', '3')).toMatchObject({ code: 2, err: [expect.stringMatching(/out of range/)] })
  })

  it('holds out a built-in set\'s test share (--test-fraction, or the project\'s testFraction) and evaluates it at the end', () => {
    const r = run('train', example('residual-circles'), '--epochs', '1', '--test-fraction', '0.25', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out[0])).toMatchObject({ event: 'start', examples: 150, testExamples: 50 })
    expect(JSON.parse(r.out.at(-1)!).test).toMatchObject({ accuracy: expect.any(Number) })
  })

  it('predicts from a project with hand-set weights', () => {
    const r = run('predict', example('xor-relu-handset'), '--input', '0,0;0,1;1,0;1,1', '--json')
    expect(r.out.map((l) => JSON.parse(l).output)).toEqual([[0], [1], [1], [0]])
  })

  it('trains on the shipped Fashion-MNIST sample and on data given with --data/--labels', () => {
    const r = run('train', example('fashion-784-100-10'), '--epochs', '1', '--json')
    expect(r.code).toBe(0)
    const done = JSON.parse(r.out.at(-1)!)
    expect(done.test.accuracy).toBeGreaterThan(0.4)
    const o = run('train', example('nielsen-784-30-10'), '--epochs', '1', '--data', sample('t10k-images-idx3-ubyte.gz'), '--labels', sample('t10k-labels-idx1-ubyte.gz'), '--json')
    expect(JSON.parse(o.out[0])).toMatchObject({ event: 'start', examples: 500, inputSize: 784 })
  })

  it.each([
    [['train', example('mazur-2-2-2'), '--bogus'], 2, /Unknown option --bogus/],
    [['train', example('mazur-2-2-2'), '--labels', 'x.gz'], 2, /--labels needs --data/],
    [['predict', example('mazur-2-2-2'), '--input', '0.05'], 2, /has 1 value; the network takes 2/],
    [['predict', example('mazur-2-2-2'), '--input', '0.05,abc'], 2, /“abc” is not a number/],
    [['eval', example('mazur-2-2-2'), '--data', 'x.csv'], 1, /not a valid model file:\n {2}\$\.format: .*project file/],
    [['train', join(root, 'package.json')], 1, /not a valid project:\n {2}\$\.format/],
    [['eval'], 2, /Usage: axon eval/],
    [['train', example('mazur-2-2-2'), '--seed', '4294967296'], 2, /--seed must be a whole number from 0 to 4294967295/],
    [['train', example('mazur-2-2-2'), '--epochs', '0'], 2, /--epochs must be a whole number ≥ 1/],
  ])('%j → exit %i', (args, code, message) => {
    const r = run(...(args as string[]))
    expect(r.code).toBe(code)
    expect(r.err.join('\n')).toMatch(message)
  })

  it('reports compile diagnostics with node ids', () => {
    const project = JSON.parse(readFileSync(example('mazur-2-2-2'), 'utf8'))
    project.nodes[1].params.units = 0
    const path = join(tmp, 'broken.axon.json')
    writeFileSync(path, JSON.stringify(project))
    const r = run('train', path)
    expect(r.code).toBe(1)
    expect(r.err[0]).toMatch(/cannot be trained:\n {2}error invalid-param \[hidden\]: Units/)
  })

  it('checks the network against --data, not against the inline data it replaces', () => {
    const csv = join(tmp, 'three-features.csv')
    writeFileSync(csv, 'a,b,c,y\n1,2,3,0\n4,5,6,1\n')
    const r = run('train', example('xor-2-2-1-sigmoid'), '--data', csv)
    expect(r.code).toBe(1)
    expect(r.err.join('\n')).toMatch(/error input-size-mismatch \[input\]: The input has size 2 but the data has 3 features\. Set the input size to 3/)
  })

  it('eval numbers a CSV’s classes as the model does, even when the file lacks one; an unknown class is refused', () => {
    const project = JSON.parse(readFileSync(example('xor-2-2-1-sigmoid'), 'utf8'))
    const node = (id: string) => project.nodes.find((n: { id: string }) => n.id === id)
    node('output').params.units = 2
    node('output-act').params.activation = 'softmax'
    node('loss').params.loss = 'softmaxCrossEntropy'
    const path = join(tmp, 'pets.axon.json')
    writeFileSync(path, JSON.stringify(project))
    const csv = (name: string, rows: string) => {
      writeFileSync(join(tmp, name), `a,b,pet\n${rows}`)
      return join(tmp, name)
    }
    const model = join(tmp, 'pets.model.json')
    const trained = run('train', path, '--data', csv('pets.csv', '0,0,cat\n0,1,dog\n1,0,dog\n1,1,cat\n'), '--epochs', '5', '--out', model)
    expect(trained.code).toBe(0)
    // Only dogs: sorted on its own, "dog" would be class 0 of 1; the model's classes are cat, dog.
    const dogs = csv('dogs.csv', '0,1,dog\n1,0,dog\n')
    const predicted = run('predict', model, '--input', '0,1;1,0', '--json').out.map((l) => JSON.parse(l).label)
    const e = run('eval', model, '--data', dogs, '--json')
    expect(e.code).toBe(0)
    expect(JSON.parse(e.out[0])).toMatchObject({ count: 2, accuracy: predicted.filter((l: string) => l === 'dog').length / 2 })
    expect(JSON.parse(e.out[0]).confusion).toHaveLength(2)
    const bird = run('eval', model, '--data', csv('bird.csv', '0,1,dog\n1,0,bird\n'))
    expect(bird.code).toBe(1)
    expect(bird.err.join('\n')).toMatch(/The class "bird" is not one of the 2 classes the network was trained on\.\n {2}The known classes are: "cat", "dog"/)
  })

  it('names an unknown built-in dataset and lists the known ones (exit 1, no stack)', () => {
    const project = JSON.parse(readFileSync(example('xor-2-2-1-sigmoid'), 'utf8'))
    project.data = { kind: 'builtin', id: 'mnist' }
    const path = join(tmp, 'unknown-builtin.axon.json')
    writeFileSync(path, JSON.stringify(project))
    const r = run('train', path)
    expect(r.code).toBe(1)
    expect(r.err.join('\n')).toMatch(/no built-in dataset “mnist”\.\n {2}The built-in datasets are: and, or, xor/)
  })

  it('honours the optimizer’s Train setting: until solved stops by itself, until stopped needs --epochs', () => {
    const project = JSON.parse(readFileSync(example('xor-2-2-1-sigmoid'), 'utf8'))
    const optimizer = project.nodes.find((n: { kind: string }) => n.kind === 'optimizer')
    Object.assign(optimizer.params, { stop: 'solved', targetAccuracy: 1, epochs: 1 })
    const path = join(tmp, 'until.axon.json')
    writeFileSync(path, JSON.stringify(project))
    const solved = run('train', path, '--json')
    expect(solved.code).toBe(0)
    const events = solved.out.map((l) => JSON.parse(l))
    expect(events[0]).toMatchObject({ event: 'start', until: 'solved' })
    expect(events.at(-1)).toMatchObject({ event: 'done', stopReason: 'solved' })
    expect(events.at(-2).accuracy).toBe(1)
    expect(events.at(-1).epochs).toBeGreaterThan(1)
    expect(run('train', path).out[1]).toMatch(/^epoch 1 \(until solved\) {2}loss/)

    Object.assign(optimizer.params, { stop: 'stopped' })
    writeFileSync(path, JSON.stringify(project))
    const forever = run('train', path)
    expect(forever.code).toBe(2)
    expect(forever.err.join('\n')).toMatch(/trains “until stopped”, which never ends on the command line: give --epochs N/)
    const fixed = run('train', path, '--epochs', '3', '--json')
    expect(fixed.code).toBe(0)
    expect(JSON.parse(fixed.out.at(-1)!)).toMatchObject({ stopReason: 'maxEpochs', epochs: 3 })
  })
})
