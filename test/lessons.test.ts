/**
 * Lesson files: the shipped lessons parse and their answers are the lectures' printed numbers
 * (computed by the engine); broken files say what and where; locks put back what they lock.
 */
import { readdirSync, readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNode, type Project } from '../src/engine/project'
import { LECTURE_NUMBERS as LECTURE } from './lessonNumbers'
import { applyLocks, checkAnswer, LessonCheckError, MAX_CHECK_EPOCHS, measureValue, parseLesson, serializeLesson, type Lesson } from '../src/engine/lessons'

const dir = join(__dirname, '../resources/lessons')
const shipped = readdirSync(dir).filter((f) => f.endsWith('.axon-lesson.json'))

function lesson(file: string): Lesson {
  const r = parseLesson(readFileSync(join(dir, file), 'utf8'))
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.lesson
}

describe('shipped lessons', () => {
  it('are one or more per deck (issue 15)', () => {
    expect(shipped.map((f) => f.replace('.axon-lesson.json', '')).sort()).toEqual(Object.keys(LECTURE).sort())
  })
  it.each(shipped)('%s: the engine answers each number question with the lecture’s number', (file) => {
    const l = lesson(file)
    const numbers = l.steps.filter((s) => s.question?.kind === 'number')
    expect(numbers.length).toBe(LECTURE[l.id].length)
    numbers.forEach((s, i) => {
      if (s.question?.kind !== 'number') return
      const [value, digits] = LECTURE[l.id][i]
      expect(measureValue(s.project, s.question.measure), s.title).toBeCloseTo(value, digits)
      // The printed number counts as right, a number off by 10× the tolerance does not.
      expect(checkAnswer(s.question, s.project, { number: value }).correct, s.title).toBe(true)
      expect(checkAnswer(s.question, s.project, { number: value + 10 * s.question.tolerance }).correct, s.title).toBe(false)
    })
  })
  it.each(shipped)('%s: writes back to the same text', (file) => {
    expect(serializeLesson(lesson(file))).toBe(readFileSync(join(dir, file), 'utf8'))
  })
  it('perceptron: XOR never converges, so the choice key is what the engine does', () => {
    const xor = lesson('perceptron-rule.axon-lesson.json').steps.at(-1)!
    expect(xor.question?.kind).toBe('choice')
    expect(measureValue(xor.project, { quantity: 'accuracy', after: { toEnd: true } })).toBe(0.5)
    const max = xor.project.nodes.find((n) => n.kind === 'optimizer')!.params as { epochs: number }
    expect(measureValue(xor.project, { quantity: 'epochs' })).toBe(max.epochs)
    expect(checkAnswer(xor.question!, xor.project, { choice: 1 }).correct).toBe(true)
    expect(checkAnswer(xor.question!, xor.project, { choice: 0 })).toMatchObject({ correct: false, message: expect.stringContaining('No: no weights') })
  })
  it('a unit or input past the layer’s width is refused, not read from the next unit', () => {
    const p = lesson('backprop-by-hand.axon-lesson.json').project
    // The output layer is 2×2: weights[0·2 + 2] would be unit 2's first weight.
    expect(() => measureValue(p, { quantity: 'weight', node: 'output', unit: 0, input: 2 })).toThrow('“output” has 2 inputs: there is no input 3.')
    expect(() => measureValue(p, { quantity: 'weight', node: 'output', unit: 2, input: 0 })).toThrow('“output” has 2 units: there is no unit 3.')
    expect(() => measureValue(p, { quantity: 'output', node: 'hidden', unit: 2, example: 0 })).toThrow('“hidden” has 2 units: there is no unit 3.')
  })
  it('a question on a run that never stops by itself ends in a check error, not a frozen app', () => {
    const xor = lesson('perceptron-rule.axon-lesson.json').steps.at(-1)!.project
    const withStop = (stop: string) => ({ ...xor, nodes: xor.nodes.map((n) => (n.kind === 'optimizer' ? { ...n, params: { ...n.params, stop } } : n)) }) as Project
    expect(() => measureValue(withStop('stopped'), { quantity: 'epochs' })).toThrow(/trains “until stopped”, which never ends by itself/)
    // The perceptron never solves XOR: bounded, then said so.
    expect(() => measureValue(withStop('solved'), { quantity: 'accuracy', after: { toEnd: true } })).toThrow(`did not stop by itself within ${MAX_CHECK_EPOCHS} epochs`)
    expect(() => checkAnswer({ kind: 'number', prompt: '?', measure: { quantity: 'epochs' }, tolerance: 1 }, withStop('solved'), { number: 3 })).toThrow(LessonCheckError)
  })
  it('a target question is checked against the student’s run', () => {
    const q = { kind: 'target', prompt: 'Reach 95 %', metric: 'valAccuracy', atLeast: 0.95 } as const
    const p = lesson('perceptron-rule.axon-lesson.json').project
    expect(checkAnswer(q, p, {}).correct).toBe(false)
    expect(checkAnswer(q, p, { run: { valAccuracy: 0.9 } })).toMatchObject({ correct: false, message: 'Not yet: 0.9, the goal is ≥ 0.95.' })
    expect(checkAnswer(q, p, { run: { valAccuracy: 0.96 } }).correct).toBe(true)
  })
})

describe('broken lesson files say what and where', () => {
  const base = JSON.parse(readFileSync(join(dir, 'backprop-by-hand.axon-lesson.json'), 'utf8'))
  const broken = (edit: (l: any) => void): string => {
    const copy = JSON.parse(JSON.stringify(base))
    edit(copy)
    return JSON.stringify(copy)
  }
  it.each([
    ['not JSON', '{', '$', 'not valid JSON'],
    ['a project file', JSON.stringify(base.project), '$.format', 'axon-studio/lesson'],
    ['a newer version', broken((l) => (l.version = 2)), '$.version', 'newer Axon Studio'],
    ['no steps', broken((l) => (l.steps = [])), '$.steps', 'at least 1'],
    ['an unknown hidden control', broken((l) => (l.steps[0].lock.hide = ['toolbar'])), '$.steps[0].lock.hide[0]', ''],
    ['a lock on a missing node', broken((l) => (l.steps[1].lock.nodes = ['nope'])), '$.steps[1].lock.nodes[0]', 'names no node'],
    ['a weight of an activation node', broken((l) => (l.steps[3].question.measure.node = 'output-act')), '$.steps[3].question.measure.node', 'must be a dense node'],
    ['a choice key out of range', broken((l) => (l.steps[0].question = { kind: 'choice', prompt: '?', options: ['a', 'b'], answer: 2 })), '$.steps[0].question.answer', 'index of one of the options'],
    ['file data', broken((l) => (l.project.data = { kind: 'file', format: 'csv', path: 'x.csv' })), '$.project.data', 'a lesson file holds its data'],
    ['a question trained for a billion epochs', broken((l) => (l.steps[3].question.measure.after = { epochs: 1e9 })), '$.steps[3].question.measure.after.epochs', 'from 0 to 10000'],
    ['a bad project value', broken((l) => (l.project.nodes[1].params.units = 'two')), '$.project.nodes[1].params.units', 'must be a whole number'],
  ])('%s', (_name, text, path, words) => {
    const r = parseLesson(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const hit = r.errors.find((e) => e.path === path)
    expect(hit, JSON.stringify(r.errors)).toBeDefined()
    expect(hit!.message).toContain(words)
  })
})

describe('locks', () => {
  const project = lesson('backprop-by-hand.axon-lesson.json').project
  const edit = (p: Project, f: (p: Project) => void): Project => {
    const copy = JSON.parse(JSON.stringify(p)) as Project
    f(copy)
    return copy
  }
  const lr = (p: Project) => (p.nodes.find((n) => n.id === 'optimizer')!.params as { learningRate: number }).learningRate
  it('a locked setting goes back; the rest of the edit stays', () => {
    const after = edit(project, (p) => {
      ;(p.nodes.find((n) => n.id === 'optimizer')!.params as { learningRate: number; epochs: number }).learningRate = 2
      ;(p.nodes.find((n) => n.id === 'optimizer')!.params as { epochs: number }).epochs = 7
    })
    const locked = applyLocks(project, after, { params: ['optimizer.learningRate'] })
    expect(lr(locked)).toBe(0.5)
    expect((locked.nodes.find((n) => n.id === 'optimizer')!.params as { epochs: number }).epochs).toBe(7)
  })
  it('a locked node cannot be changed, moved or deleted; an edit of only locked things changes nothing', () => {
    const moved = edit(project, (p) => (p.nodes.find((n) => n.id === 'hidden')!.position.x += 50))
    expect(applyLocks(project, moved, { nodes: ['hidden'] })).toBe(project)
    const deleted = edit(project, (p) => {
      p.nodes = p.nodes.filter((n) => n.id !== 'hidden')
      p.edges = p.edges.filter((e) => e.source !== 'hidden' && e.target !== 'hidden')
    })
    expect(applyLocks(project, deleted, { nodes: ['hidden'] })).toBe(project)
    expect(applyLocks(project, deleted, {}).nodes.some((n) => n.id === 'hidden')).toBe(false)
  })
  it('a locked Input keeps the data it reads; with the Input free the data may change', () => {
    const other = edit(project, (p) => (p.data = { kind: 'builtin', id: 'circles', options: { n: 100, noise: 0.1 } } as Project['data']))
    expect(applyLocks(project, other, { nodes: ['input'] })).toBe(project)
    expect(applyLocks(project, other, { nodes: ['hidden'] }).data).toEqual(other.data)
  })
  it('a locked structure refuses new nodes and wires but lets settings change', () => {
    const added = edit(project, (p) => p.nodes.push(createNode('dropout', 'extra', { x: 0, y: 0 })))
    expect(applyLocks(project, added, { structure: true })).toBe(project)
    const tuned = edit(project, (p) => ((p.nodes.find((n) => n.id === 'optimizer')!.params as { learningRate: number }).learningRate = 0.1))
    expect(lr(applyLocks(project, tuned, { structure: true }))).toBe(0.1)
  })
})

describe('the published JSON Schema', () => {
  const schemaPath = join(__dirname, '../src/engine/lessons/lesson.schema.json')
  // That it is the zod schema's output (npm run schemas) is test/schemas.test.ts's job.
  it.each(shipped)('accepts %s', (file) => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')))
    expect(validate(JSON.parse(readFileSync(join(dir, file), 'utf8'))), JSON.stringify(validate.errors)).toBe(true)
  })
})
