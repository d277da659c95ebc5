/**
 * The engine's number for a lesson question: compile the step's network, train it as far as the
 * question says (the same session the app trains with, same seed), and read the quantity.
 */
import { descend } from '../experiments/descent'
import { compileExpression, ExpressionError } from '../experiments/expression'
import { compileGraph, projectDataset, type Project } from '../project'
import { parameterCount } from '../nn/network'
import { createSession, type Session } from '../train'
import { LessonCheckError } from './errors'
import { MAX_CHECK_EPOCHS, type Measure, type Question } from './format'
import { checkIndex, exampleRow, netSpread, traceValue } from './traceMeasures'

export { LessonCheckError }

/** The step's network compiled, or why it does not compile. */
function compiledSpec(project: Project) {
  const { spec, diagnostics } = compileGraph(project)
  if (!spec) throw new LessonCheckError(`The step’s network does not compile: ${diagnostics.find((d) => d.severity === 'error')?.message ?? 'see the canvas'}`)
  return spec
}

function sessionFor(project: Project): Session {
  const spec = compiledSpec(project)
  const data = projectDataset(project)
  if (!data) throw new LessonCheckError('The step’s data is not in the lesson file.')
  try {
    return createSession(spec, data)
  } catch (e) {
    throw new LessonCheckError(`The step’s network cannot train: ${(e as Error).message}`)
  }
}

/** Trains until the run stops by itself, within `MAX_CHECK_EPOCHS`; divergence is the check's error. */
function trainToEnd(session: Session): void {
  if (session.spec.training.until === 'stopped') throw new LessonCheckError('The step’s network trains “until stopped”, which never ends by itself: give its optimizer a number of epochs (or “until solved”) for this question.')
  while (!session.stopped && session.epoch < MAX_CHECK_EPOCHS) session.step('epoch')
  if (session.error) throw new LessonCheckError(`The step’s training stopped: ${session.error.message}`)
  if (!session.stopped) throw new LessonCheckError(`The step’s network did not stop by itself within ${MAX_CHECK_EPOCHS} epochs.`)
}

function advance(session: Session, after: { updates?: number; epochs?: number; toEnd?: boolean } | undefined): void {
  for (let u = 0; u < (after?.updates ?? 0) && !session.stopped; u++) session.step('batch')
  for (let e = 0; e < (after?.epochs ?? 0) && !session.stopped; e++) session.step('epoch')
  if (after?.toEnd) trainToEnd(session)
  if (session.error) throw new LessonCheckError(`The step’s training stopped: ${session.error.message}`)
}

function layerIndex(session: Session, node: string): number {
  const i = session.getParams().findIndex((l) => l.nodeId === node)
  if (i < 0) throw new LessonCheckError(`“${node}” is not a layer with weights.`)
  return i
}

function inRange(value: number | undefined, what: string): number {
  if (value === undefined || !Number.isFinite(value)) throw new LessonCheckError(`The network has no ${what}.`)
  return value
}

type DescentMeasure = Extract<Measure, { quantity: 'descent' }>

/** Where plain gradient descent on f(x) gets to (the optimizer playground's computation). */
function descentValue(m: DescentMeasure): number {
  let f
  try {
    f = compileExpression(m.function)
  } catch (e) {
    if (e instanceof ExpressionError) throw new LessonCheckError(`The function “${m.function}” does not parse: ${e.message}`)
    throw e
  }
  const path = descend(f, [m.start], { id: 'sgd', learningRate: m.learningRate }, m.iterations)
  if (path.diverged) throw new LessonCheckError(`Gradient descent on ${m.function} with η = ${m.learningRate} diverges.`)
  const last = path.rows[path.rows.length - 1]
  return m.read === 'x' ? last.point[0] : last.f
}

/** The weights and biases the step's network trains, from its compiled spec (no data needed: a Fashion-MNIST lesson ships none). */
function parametersOf(project: Project): number {
  return parameterCount(compiledSpec(project).model)
}

/** The engine's value of `measure` on `project`. */
export function measureValue(project: Project, measure: Measure): number {
  if (measure.quantity === 'descent') return descentValue(measure)
  if (measure.quantity === 'parameters') return parametersOf(project)
  const session = sessionFor(project)
  if (measure.quantity === 'epochs') {
    trainToEnd(session)
    return session.epoch
  }
  advance(session, measure.after)
  switch (measure.quantity) {
    case 'weight': {
      const layer = session.getParams()[layerIndex(session, measure.node)]
      checkIndex(measure.unit, layer.units, 'unit', measure.node)
      checkIndex(measure.input, layer.nIn, 'input', measure.node)
      return inRange(layer.weights[measure.unit * layer.nIn + measure.input], `weight from input ${measure.input + 1} into unit ${measure.unit + 1} of “${measure.node}”`)
    }
    case 'bias': {
      const layer = session.getParams()[layerIndex(session, measure.node)]
      return inRange(layer.biases?.[measure.unit], `bias of unit ${measure.unit + 1} of “${measure.node}”`)
    }
    case 'output': {
      const { input } = exampleRow(session, measure.example)
      const layer = session.activations(input, 1).find((l) => l.nodeId === measure.node)
      if (layer) checkIndex(measure.unit, layer.units, 'unit', measure.node)
      return inRange(layer?.out[measure.unit], `output ${measure.unit + 1} of “${measure.node}”`)
    }
    case 'net':
    case 'derivative':
    case 'delta':
    case 'gradient':
      return traceValue(session, measure)
    case 'netSpread':
      return netSpread(session, measure.node)
    case 'updates':
      return session.iteration
    case 'learningRate':
      return session.learningRate
    case 'loss':
      return session.evaluate(session.train).loss
    case 'accuracy':
      return inRange(session.evaluate(session.train).accuracy, 'accuracy (it is not a classifier)')
  }
}

/** The latest metrics of the student's own run, for target questions. */
export interface RunMetrics {
  trainLoss?: number
  trainAccuracy?: number
  valLoss?: number
  valAccuracy?: number
}

export type AnswerCheck = { correct: boolean; expected: number | null; message: string }

/** Checks a student's answer: a number against the engine, a choice against the key, a target against their run. */
export function checkAnswer(question: Question, project: Project, answer: { number?: number; choice?: number; run?: RunMetrics }): AnswerCheck {
  if (question.kind === 'choice') {
    const correct = answer.choice === question.answer
    return { correct, expected: question.answer, message: correct ? 'Right.' : `Not this one: the answer is “${question.options[question.answer]}”.` }
  }
  if (question.kind === 'number') {
    if (answer.number === undefined || !Number.isFinite(answer.number)) return { correct: false, expected: null, message: 'Type a number first.' }
    const expected = measureValue(project, question.measure)
    const correct = Math.abs(answer.number - expected) <= question.tolerance
    return { correct, expected, message: correct ? `Right: the engine computes ${expected}.` : `Not quite: the engine computes ${expected}.` }
  }
  const value = answer.run?.[question.metric]
  if (value === undefined) return { correct: false, expected: null, message: 'Train the network first: the goal is checked against your run.' }
  const correct = question.atLeast !== undefined ? value >= question.atLeast : value <= (question.atMost ?? Infinity)
  const goal = question.atLeast !== undefined ? `≥ ${question.atLeast}` : `≤ ${question.atMost}`
  return { correct, expected: value, message: correct ? `Reached: ${value} ${goal}.` : `Not yet: ${value}, the goal is ${goal}.` }
}
