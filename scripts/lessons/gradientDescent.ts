/** Lesson: gradient descent, its variants (online, batch, mini-batch) and the learning rate (lectures 001, 002, 004). */
import { defineLesson, exampleProject, viewOnly, withParams } from './kit'

/** Assignment 6, question 1 (lecture 002). */
const Q1 = 'x^4/4 - 3x^3 + 7x - 5'
const q1 = (learningRate: number, read: 'x' | 'f') => ({ quantity: 'descent' as const, function: Q1, start: 0, learningRate, iterations: 30, read })

const mazur = withParams(exampleProject('mazur-2-2-2'), { optimizer: { learningRate: 0.05 } })
const encoder = exampleProject('encoder-8-3-8')
const miniBatches = withParams(encoder, { optimizer: { optimizer: 'sgd', batchMode: 'mini', batchSize: 3, epochs: 5, shuffle: false } })
const stepSchedule = withParams(encoder, { optimizer: { optimizer: 'sgd', learningRate: 0.005, schedule: { id: 'step', every: 5, factor: 0.5 }, epochs: 20 } })

const q1Text = 'Assignment 6, question 1 (lecture 002): use gradient descent to find the local minimum of\n\n$$f(x) = \\tfrac{1}{4}x^4 - 3x^3 + 7x - 5$$\n\naround $x = 0$, with $x_{t+1} = x_t - \\eta\\, f\'(x_t)$ and $f\'(x) = x^3 - 9x^2 + 7$, for 30 iterations. Try it in **Experiments → Descent on f(x)** (type the function, start 0, the learning rates and 30 iterations).'

export const gradientDescentLesson = defineLesson({
  id: 'gradient-descent',
  title: 'Gradient descent and the learning rate',
  description: 'Assignment 6’s descent on f(x) = ¼x⁴ − 3x³ + 7x − 5 with η = 0.01, 0.05 and 0.1; the learning rate in one backprop step; online, batch and mini-batch updates; a step schedule.',
  source: 'Lecture 001, “Gradient Descent” and “Offline and Online GD” (and lectures 002, 004)',
  project: mazur,
  steps: [
    {
      title: 'η = 0.01',
      text: q1Text,
      lock: viewOnly(mazur),
      question: {
        kind: 'number',
        prompt: 'With η = 0.01, where is x after 30 iterations? (3 decimals)',
        measure: q1(0.01, 'x'),
        tolerance: 5e-4,
        explanation: 'f′(0) = 7 > 0, so x walks left, towards the minimum near −0.843; with η = 0.01 it is at −0.836 after 30 steps, not quite there.',
      },
    },
    {
      title: 'η = 0.05',
      text: q1Text,
      lock: viewOnly(mazur),
      question: {
        kind: 'number',
        prompt: 'With η = 0.05, what is f after 30 iterations? (4 decimals)',
        measure: q1(0.05, 'f'),
        tolerance: 5e-5,
        explanation: 'f(−0.8433) = −8.9775: the local minimum, reached.',
      },
    },
    {
      title: 'η = 0.1',
      text: q1Text,
      lock: viewOnly(mazur),
      question: {
        kind: 'number',
        prompt: 'With η = 0.1, where is x after 30 iterations? (4 decimals)',
        measure: q1(0.1, 'x'),
        tolerance: 5e-5,
        explanation: 'x = −0.8433, where f′(x) = 0: the same minimum as with η = 0.05.',
      },
    },
    {
      title: 'Which learning rate is best?',
      text: 'Lecture 001: with η too small, descent crawls; with η too large, it overshoots and can diverge; “just right” gets there in few steps.',
      lock: viewOnly(mazur),
      question: {
        kind: 'choice',
        prompt: 'After 30 iterations from x = 0:',
        options: ['η = 0.01 is best: small steps are safest', 'η = 0.05 and η = 0.1 both reach the minimum f = −8.9775 at x = −0.8433; η = 0.01 is still on its way', 'η = 0.1 overshoots and diverges'],
        answer: 1,
        explanation: 'On this function both larger rates converge within 30 steps; try η = 0.3 in the playground to see one that is too large.',
      },
    },
    {
      title: 'The learning rate in a backprop step',
      text: 'Back to the 2-2-2 network of lecture 001, where $\\partial E/\\partial w_5 = 0.082167041$ and $\\eta = 0.5$ gave $w_5^+ = 0.35891648$. The optimizer here has $\\eta = 0.05$ instead:\n\n$$w_5^+ = w_5 - \\eta\\,\\frac{\\partial E}{\\partial w_5}$$',
      lock: viewOnly(mazur),
      question: {
        kind: 'number',
        prompt: 'What is w5 after one step with η = 0.05? (6 decimals)',
        measure: { quantity: 'weight', node: 'output', unit: 0, input: 0, after: { updates: 1 } },
        tolerance: 5e-7,
        explanation: 'w5⁺ = 0.4 − 0.05 · 0.082167041 = 0.395891648: a tenth of the step.',
      },
    },
    {
      title: 'Online, batch and mini-batch',
      text: 'Lecture 001: *online* training updates after each pattern, *batch* (offline) training once per epoch, and mini-batches in between. Lecture 004: “Iteration = (Data set size / Batch size) × Epoch”. Here the 8 patterns of the 8-3-8 encoder are trained in mini-batches of 3 for 5 epochs.',
      project: miniBatches,
      lock: viewOnly(miniBatches),
      question: {
        kind: 'number',
        prompt: 'How many weight updates do 5 epochs make?',
        measure: { quantity: 'updates', after: { epochs: 5 } },
        tolerance: 0.5,
        explanation: 'Each epoch has batches of 3, 3 and 2 patterns: 3 updates, 15 in all. The deck’s formula gives 8/3 × 5 ≈ 13.3: the last, smaller batch of each epoch still makes an update.',
      },
    },
    {
      title: 'A learning-rate schedule',
      text: 'Lecture 002: learning rates need not stay fixed — start larger, then reduce. Its MATLAB example:\n\n`InitialLearnRate 0.005, LearnRateSchedule piecewise, LearnRateDropFactor 0.5, LearnRateDropPeriod 5`\n\nThe optimizer here has the same schedule: η = 0.005, halved every 5 epochs (select it to see).',
      project: stepSchedule,
      lock: viewOnly(stepSchedule),
      question: {
        kind: 'number',
        prompt: 'What learning rate does the 13th epoch use?',
        measure: { quantity: 'learningRate', after: { epochs: 12 } },
        tolerance: 1e-7,
        explanation: 'Epochs 1–5 use 0.005, 6–10 use 0.0025, 11–15 use 0.00125.',
      },
    },
  ],
})
