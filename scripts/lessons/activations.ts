/** Lesson: activation functions and their derivatives (lectures 000, 002, 003, 004). */
import { chainProject, defineLesson, viewOnly, withParams } from './kit'

/** One unit with w = 1 and b = 0, so its net is the input x: the rows are the points the lectures evaluate. */
const X = [0, 0.5, 1, -1, 2]

const base = chainProject({
  meta: {
    title: 'One unit, five inputs',
    description: 'A single unit with weight 1 and bias 0, so net = x, evaluated at x = 0, 0.5, 1, −1 and 2.',
    source: 'Lecture 000, “Activation functions”',
  },
  data: { kind: 'inline', inputs: X.map((x) => [x]), targets: X.map(() => [0]), featureNames: ['x'], targetNames: ['t'] },
  inputSize: 1,
  layers: [{ id: 'unit', units: 1, activation: 'sigmoid', dense: { weights: [[1]], biases: [0] } }],
  loss: { loss: 'halfSse', reduction: 'sum' },
  optimizer: { optimizer: 'sgd', learningRate: 0.5, batchMode: 'online', epochs: 1, shuffle: false },
})

const as = (activation: string) => withParams(base, { 'unit-act': { activation } })
const sigmoid = as('sigmoid')
const tanh = as('tanh')
const relu = as('relu')
const softplus = as('softplus')

const row = (x: number): number => X.indexOf(x)

export const activationsLesson = defineLesson({
  id: 'activation-functions',
  title: 'Activation functions and their derivatives',
  description: 'Sigmoid, tanh, ReLU and softplus on one unit: their values, their derivatives, where they saturate, and two slips in the decks.',
  source: 'Lecture 000, “Activation functions” (and lectures 002, 003, 004)',
  project: sigmoid,
  steps: [
    {
      title: 'The sigmoid squashes',
      text: 'The unit below has weight 1 and bias 0, so its net input is the data value $x$ itself. Its activation is the sigmoid\n\n$$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$\n\nLecture 000 notes that the sigmoid maps $[0, 1]$ into $[0.5, 0.732)$. Select the unit to see its weight; the data table holds $x = 0, 0.5, 1, -1, 2$.',
      lock: viewOnly(sigmoid),
      question: {
        kind: 'number',
        prompt: 'What is σ(1), the unit’s output for x = 1? (3 decimals)',
        measure: { quantity: 'output', node: 'unit', unit: 0, example: row(1) },
        tolerance: 5e-4,
        explanation: 'σ(1) = 1/(1 + e^−1) = 0.731: the upper end of the lecture’s [0.5, 0.732).',
      },
    },
    {
      title: 'A sigmoid of a sigmoid',
      text: 'Stacking sigmoids squeezes values further: the lecture goes on\n\n$$f([0.5, 0.732)) \\subseteq (0.378, 0.676)$$\n\nThe sigmoid is increasing, so the image of $[0.5, 0.732)$ starts at $\\sigma(0.5)$. Check the lecture’s lower end.',
      lock: viewOnly(sigmoid),
      question: {
        kind: 'number',
        prompt: 'What is σ(0.5)? (3 decimals)',
        measure: { quantity: 'output', node: 'unit', unit: 0, example: row(0.5) },
        tolerance: 5e-4,
        explanation: 'σ(0.5) = 0.622, so the image is [0.622, 0.675). The deck’s 0.378 is 1 − σ(0.5) = σ(−0.5), a slip; its upper end 0.676 is σ(0.732) = 0.675 rounded up.',
      },
    },
    {
      title: 'The sigmoid’s derivative',
      text: 'The derivative is written with the output itself:\n\n$$\\sigma\'(x) = \\sigma(x)\\,(1 - \\sigma(x))$$\n\nBackpropagation multiplies by this factor at every sigmoid layer. Lecture 004 warns: the derivative of the sigmoid is lower than 0.25.',
      lock: viewOnly(sigmoid),
      question: {
        kind: 'number',
        prompt: 'What is σ′(0), the largest the derivative gets? (3 decimals)',
        measure: { quantity: 'derivative', node: 'unit', unit: 0, example: row(0) },
        tolerance: 5e-4,
        explanation: 'σ(0) = 0.5, so σ′(0) = 0.5 · 0.5 = 0.25. Through ten sigmoid layers the gradient shrinks by at least 0.25¹⁰ ≈ 10⁻⁶: the vanishing gradient.',
      },
    },
    {
      title: 'Tanh',
      text: 'Tanh is a stretched, centred sigmoid (lectures 002 and 004):\n\n$$\\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}} = 2\\sigma(2x) - 1, \\qquad \\tanh\'(x) = 1 - \\tanh^2(x)$$\n\n(Lecture 000 prints the derivative as $f_{tanh}(x) = 1 - f_{tanh}(x)^2$: the prime is missing on the left.) The unit now uses tanh.',
      project: tanh,
      lock: viewOnly(tanh),
      question: {
        kind: 'number',
        prompt: 'What is tanh′(0.5)? (3 decimals)',
        measure: { quantity: 'derivative', node: 'unit', unit: 0, example: row(0.5) },
        tolerance: 5e-4,
        explanation: 'tanh(0.5) = 2σ(1) − 1 = 0.462, so tanh′(0.5) = 1 − 0.462² = 0.786.',
      },
    },
    {
      title: 'ReLU',
      text: 'ReLU passes positive inputs and cuts the rest:\n\n$$\\mathrm{ReLU}(x) = \\max(0, x), \\qquad \\mathrm{ReLU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}$$\n\nIts gradient does not vanish as $x$ grows (lecture 000). Lecture 004’s table gives its range as $0 < \\mathrm{ReLU}(x) < 1$.',
      project: relu,
      lock: viewOnly(relu),
      question: {
        kind: 'number',
        prompt: 'What is ReLU(2), the unit’s output for x = 2?',
        measure: { quantity: 'output', node: 'unit', unit: 0, example: row(2) },
        tolerance: 5e-4,
        explanation: 'ReLU(2) = 2: ReLU has no upper bound, its range is [0, ∞). The “< 1” in lecture 004’s table is a slip.',
      },
    },
    {
      title: 'ReLU’s derivative below zero',
      text: 'For a negative net input the unit is off: its output is 0, and so is its derivative, so no gradient flows back through it for that example (the sparse activations of lecture 000).',
      project: relu,
      lock: viewOnly(relu),
      question: {
        kind: 'number',
        prompt: 'What is ReLU′(−1)?',
        measure: { quantity: 'derivative', node: 'unit', unit: 0, example: row(-1) },
        tolerance: 5e-4,
        explanation: 'ReLU′(−1) = 0: the unit is off for this input.',
      },
    },
    {
      title: 'Softplus, a smooth ReLU',
      text: 'Lecture 000: ReLU can be approximated by the softplus\n\n$$f(x) = \\log(1 + e^x), \\qquad f\'(x) = \\sigma(x)$$',
      project: softplus,
      lock: viewOnly(softplus),
      question: {
        kind: 'number',
        prompt: 'What is softplus(0)? (3 decimals)',
        measure: { quantity: 'output', node: 'unit', unit: 0, example: row(0) },
        tolerance: 5e-4,
        explanation: 'log(1 + e⁰) = ln 2 = 0.693, where ReLU gives 0; far from 0 the two agree.',
      },
    },
    {
      title: 'Which saturates?',
      text: 'A unit *saturates* when its derivative is near 0, so its weights barely learn (lecture 002: “learning slowdown”).',
      project: sigmoid,
      lock: viewOnly(sigmoid),
      question: {
        kind: 'choice',
        prompt: 'For a large positive net input, whose derivative goes to 0?',
        options: ['ReLU’s', 'the sigmoid’s and tanh’s', 'none of them'],
        answer: 1,
        explanation: 'σ′ and tanh′ go to 0 at both ends; ReLU′ stays 1 for every positive input.',
      },
    },
  ],
})
