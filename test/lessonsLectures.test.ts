/**
 * The shipped lessons built from `scripts/lessons/`: the committed files are the sources' output,
 * and what each choice and target question claims is what the engine does.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkAnswer, measureValue, parseLesson, type Lesson, type LessonStep, type Measure } from '../src/engine/lessons'
import { compileGraph, projectDataset, type Project } from '../src/engine/project'
import { createSession, type Session } from '../src/engine/train'
import { traceExample } from '../src/engine/trace/trace'
import { exampleRow } from '../src/engine/lessons/traceMeasures'
import { FASHION_SAMPLE_FILES, fashionSampleDatasets } from '../src/engine/data'
import { lessonText } from '../scripts/lessons/kit'
import { LESSON_SOURCES } from '../scripts/lessons'

const dir = join(__dirname, '../resources/lessons')
const lesson = (id: string): Lesson => {
  const r = parseLesson(readFileSync(join(dir, `${id}.axon-lesson.json`), 'utf8'))
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.lesson
}
const step = (id: string, title: string): LessonStep => {
  const s = lesson(id).steps.find((x) => x.title === title)
  if (!s) throw new Error(`no step “${title}” in ${id}`)
  return s
}
const key = (s: LessonStep): number => (s.question?.kind === 'choice' ? s.question.answer : -1)
function session(project: Project): Session {
  const { spec } = compileGraph(project)
  return createSession(spec!, projectDataset(project)!)
}

describe('lesson sources', () => {
  it.each(LESSON_SOURCES.map((l) => l.id))('%s: the committed file is what `npm run lessons` writes', (id) => {
    const source = LESSON_SOURCES.find((l) => l.id === id)!
    expect(readFileSync(join(dir, `${id}.axon-lesson.json`), 'utf8')).toBe(lessonText(source))
  })
})

describe('what the choice and target questions claim, the engine does', () => {
  it('gradient descent: η = 0.05 and 0.1 reach the minimum in 30 steps, η = 0.01 does not', () => {
    const s = step('gradient-descent', 'Which learning rate is best?')
    const x = (learningRate: number): number => measureValue(s.project, { quantity: 'descent', function: 'x^4/4 - 3x^3 + 7x - 5', start: 0, learningRate, iterations: 30, read: 'x' })
    const minimum = x(0.1)
    expect(minimum ** 3 - 9 * minimum ** 2 + 7).toBeCloseTo(0, 3) // f′ ≈ 0 there
    expect(x(0.05)).toBeCloseTo(minimum, 4)
    expect(Math.abs(x(0.01) - minimum)).toBeGreaterThan(1e-3)
    expect(key(s)).toBe(1)
  })
  it('momentum: the second step is plain descent’s second step plus α × the first change; Nesterov’s first step is momentum’s', () => {
    const m = step('momentum-adaptive', 'Momentum: the second step').project
    const sgd = { ...m, nodes: m.nodes.map((n) => (n.kind === 'optimizer' ? { ...n, params: { ...n.params, optimizer: 'sgd' } } : n)) } as Project
    const w5 = (p: Project, updates: number): number => measureValue(p, { quantity: 'weight', node: 'output', unit: 0, input: 0, after: { updates } })
    expect(w5(m, 2)).toBeCloseTo(w5(sgd, 2) - 0.9 * (0.4 - w5(sgd, 1)), 12)
    expect(w5(sgd, 2)).toBeCloseTo(0.31735386, 8)
    const nesterov = step('momentum-adaptive', 'Nesterov')
    expect(w5(nesterov.project, 1)).toBeCloseTo(0.35891648, 8)
    expect(w5(nesterov.project, 2)).not.toBeCloseTo(w5(m, 2), 6)
    expect(key(nesterov)).toBe(1)
  })
  it('overfitting: L2 leaves trainable biases as plain descent moves them', () => {
    const s = step('overfitting', 'And the biases?')
    const trainBiases = (p: Project, l2: number) => ({ ...p, nodes: p.nodes.map((n) => (n.id === 'output' ? { ...n, params: { ...n.params, trainBiases: true } } : n.kind === 'optimizer' ? { ...n, params: { ...n.params, l2 } } : n)) }) as Project
    const bias: Measure = { quantity: 'bias', node: 'output', unit: 0, after: { updates: 1 } }
    expect(measureValue(trainBiases(s.project, 0.1), bias)).toBe(measureValue(trainBiases(s.project, 0), bias))
    expect(measureValue(trainBiases(s.project, 0.1), { ...bias, quantity: 'weight', input: 0 } as Measure)).not.toBe(measureValue(trainBiases(s.project, 0), { ...bias, quantity: 'weight', input: 0 } as Measure))
    expect(key(s)).toBe(1)
  })
  it('overfitting: early stopping ends the run and its last epoch meets the target', () => {
    const s = step('overfitting', 'Early stopping')
    const run = session(s.project)
    expect(run.trainToEnd()).toBe('earlyStopping')
    const last = run.history.at(-1)!
    expect(last.valAccuracy).toBeGreaterThanOrEqual(0.75)
    expect(last.epoch).toBeLessThan(1000)
    expect(checkAnswer(s.question!, s.project, { run: { valAccuracy: last.valAccuracy } }).correct).toBe(true)
  })
  it('initialisation: from all zeros the hidden units stay identical', () => {
    const s = step('initialisation', 'Symmetry never breaks')
    const run = session(s.project)
    run.trainToEnd()
    const hidden = run.getParams().find((l) => l.nodeId === 'hidden')!
    expect(Array.from(hidden.weights.subarray(0, 2))).toEqual(Array.from(hidden.weights.subarray(2, 4)))
    expect(hidden.biases![0]).toBe(hidden.biases![1])
    expect(hidden.weights[0]).not.toBe(0)
    expect(key(s)).toBe(1)
  })
  it('initialisation: about 3 in 5 hidden units start with |z| > 5 under N(0, 1), almost none under N(0, 1/n_in)', () => {
    const share = (title: string): number => {
      const run = session(step('initialisation', title).project)
      const nets = [0, 1, 2, 3].flatMap((i) => {
        const { input, target } = exampleRow(run, i)
        return traceExample(run, input, target).layers[0].net!
      })
      return nets.filter((z) => Math.abs(z) > 5).length / nets.length
    }
    expect(share('What the sigmoid makes of it')).toBeGreaterThan(0.45)
    expect(share('What the sigmoid makes of it')).toBeLessThan(0.8)
    expect(share('Standard deviation 1/√n_in')).toBeLessThan(0.03)
  })
  it('encoder: trained to the end, every pattern comes back', () => {
    const s = step('encoder-hidden-codes', 'Train it')
    const run = session(s.project)
    run.trainToEnd()
    expect(run.history.at(-1)!.accuracy).toBe(1)
    expect(checkAnswer(s.question!, s.project, { run: { trainAccuracy: 1 } }).correct).toBe(true)
  })
})

describe('Fashion-MNIST lesson on the shipped sample', () => {
  const files = Object.fromEntries(Object.entries(FASHION_SAMPLE_FILES).map(([k, p]) => [k, new Uint8Array(readFileSync(join(__dirname, '../resources', p)))])) as Record<keyof typeof FASHION_SAMPLE_FILES, Uint8Array>
  const l = lesson('fashion-mnist')
  const run = createSession(compileGraph(l.project).spec!, fashionSampleDatasets(files).train)
  it('784 inputs, 79,510 parameters, 6 updates per epoch of 1,600 images in batches of 300', () => {
    expect(run.train.inputSize).toBe(784)
    expect(l.steps[0].question).toMatchObject({ answer: 2, options: ['28', '100', '784', '2,000'] })
    const count = run.getParams().reduce((n, p) => n + p.weights.length + (p.biases?.length ?? 0), 0)
    expect(count).toBe(79_510)
    // The number question's engine count is the trained session's.
    expect(l.steps[1].question).toMatchObject({ kind: 'number', measure: { quantity: 'parameters' } })
    expect(measureValue(l.steps[1].project, { quantity: 'parameters' })).toBe(count)
    expect(run.trainIndices.length).toBe(1600)
    run.step('epoch')
    expect(run.iteration).toBe(6)
    expect(l.steps[2].question).toMatchObject({ answer: 1, options: ['5', '6', '7', '1,600'] })
  })
  it('its five epochs reach the 70 % validation accuracy the last step asks for', () => {
    run.trainToEnd()
    expect(run.history.at(-1)!.valAccuracy).toBeGreaterThanOrEqual(0.7)
  })
  it('a number question on its data says the data is not in the file', () => {
    expect(() => measureValue(l.project, { quantity: 'loss' })).toThrow('The step’s data is not in the lesson file.')
  })
})

describe('measures of the trace', () => {
  const p = lesson('backprop-by-hand').project
  it('net, f′(net), δ and ∂E/∂w are lecture 001’s', () => {
    expect(measureValue(p, { quantity: 'net', node: 'hidden', unit: 0, example: 0 })).toBeCloseTo(0.3775, 12)
    expect(measureValue(p, { quantity: 'derivative', node: 'output', unit: 0, example: 0 })).toBeCloseTo(0.186815602, 9)
    expect(measureValue(p, { quantity: 'delta', node: 'output', unit: 0, example: 0 })).toBeCloseTo(-0.138498562, 9)
    expect(measureValue(p, { quantity: 'gradient', node: 'output', unit: 0, input: 0, example: 0 })).toBeCloseTo(0.082167041, 9)
  })
  it('refuse what is not there, saying what', () => {
    expect(() => measureValue(p, { quantity: 'gradient', node: 'output', unit: 0, input: 2, example: 0 })).toThrow('“output” has 2 inputs: there is no input 3.')
    expect(() => measureValue(p, { quantity: 'net', node: 'hidden', unit: 0, example: 1 })).toThrow('The data has no row 2.')
    expect(() => measureValue(p, { quantity: 'net', node: 'nope', unit: 0, example: 0 })).toThrow('“nope” is not a layer of the network.')
    expect(() => measureValue(p, { quantity: 'descent', function: 'x^', start: 0, learningRate: 0.1, iterations: 3, read: 'x' })).toThrow(/does not parse/)
    expect(() => measureValue(p, { quantity: 'descent', function: 'x^4', start: 3, learningRate: 1, iterations: 30, read: 'x' })).toThrow(/diverges/)
  })
})
