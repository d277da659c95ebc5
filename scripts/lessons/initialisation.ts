/** Lesson: initialisation — all-zeros symmetry, N(0, 1) saturation, N(0, 1/n_in) (lectures 002, 000). */
import { chainProject, defineLesson, exampleProject, viewOnly, withParams } from './kit'

const zeros = { id: 'zeros' }
const xorZeros = withParams(exampleProject('xor-2-2-1-sigmoid'), {
  hidden: { weightInit: zeros, biasInit: zeros },
  output: { weightInit: zeros, biasInit: zeros },
  // Online: a full batch of XOR's balanced targets would give a zero gradient and nothing would move at all.
  optimizer: { batchMode: 'online', learningRate: 0.5, shuffle: false, epochs: 2000 },
})

/** 4 rows of ±1 over 100 inputs: Σx² = 100 for every row, as in lecture 002's N(0, 1 + Σx²). */
const N_IN = 100
const rows = [0, 1, 2, 3].map((r) => Array.from({ length: N_IN }, (_, k) => ((k * (r + 3) + r) % 5 < 2 ? -1 : 1)))

const wide = (weightInit: { id: string }) =>
  chainProject({
    meta: {
      title: `100 inputs into 400 sigmoid units, weights ${weightInit.id === 'standardNormal' ? 'N(0, 1)' : 'N(0, 1/n_in)'}`,
      description: 'Four patterns of ±1 over 100 inputs (Σx² = 100) into 400 sigmoid units whose biases are N(0, 1).',
      source: 'Lecture 002, “How to initialize weights and biases”',
    },
    seed: 7,
    data: { kind: 'inline', inputs: rows, targets: rows.map((_, i) => [i % 2]) },
    inputSize: N_IN,
    layers: [
      { id: 'hidden', units: 400, activation: 'sigmoid', dense: { weightInit, biasInit: { id: 'standardNormal' } } },
      { id: 'output', units: 1, activation: 'sigmoid' },
    ],
    loss: { loss: 'halfSse', reduction: 'sum' },
    optimizer: { optimizer: 'sgd', learningRate: 0.5, batchMode: 'full', epochs: 10 },
  })
const large = wide({ id: 'standardNormal' })
const scaled = wide({ id: 'scaledNormal' })

export const initialisationLesson = defineLesson({
  id: 'initialisation',
  title: 'Initialisation: symmetry, saturation and 1/√n',
  description: 'Why all-zero weights never break symmetry, why N(0, 1) weights saturate a sigmoid layer with many inputs, and how standard deviation 1/√n_in keeps units mid-curve.',
  source: 'Lecture 002, “How to initialize weights and biases” (and lecture 000)',
  project: xorZeros,
  steps: [
    {
      title: 'All zeros',
      text: 'Lecture 000 says: initialise the weights *near* zero, so the first network is almost linear. Why not exactly zero? This XOR network (2-2-1, sigmoid) starts with every weight and bias at 0. Select the hidden layer to see its weights.',
      lock: viewOnly(xorZeros),
      question: {
        kind: 'number',
        prompt: 'What does the second hidden unit output for the input (1, 1)?',
        measure: { quantity: 'output', node: 'hidden', unit: 1, example: 3 },
        tolerance: 5e-4,
        explanation: 'net = 0 for every unit and input, so out = σ(0) = 0.5 everywhere.',
      },
    },
    {
      title: 'Symmetry never breaks',
      text: 'Both hidden units compute the same output, receive the same δ through equal output weights, and so get the same update — at every step. Train the network (2000 epochs, online) and compare the two hidden units’ weights in the inspector.',
      lock: viewOnly(xorZeros),
      question: {
        kind: 'choice',
        prompt: 'After training from all zeros, the two hidden units:',
        options: ['have learned different features', 'still have identical weights: the network behaves as if it had one hidden unit', 'have all weights still at 0'],
        answer: 1,
        explanation: 'Identical units are one unit; XOR needs two. Random initial weights break the symmetry.',
      },
    },
    {
      title: 'N(0, 1) weights saturate',
      text: 'Lecture 002: with weights and biases drawn from $N(0,1)$,\n\n$$z_j = \\sum_{k=1}^{n_{in}} w_{jk} x_k + b_j \\;\\sim\\; N\\!\\left(0,\\; 1 + \\sum_k x_k^2\\right)$$\n\nHere 100 inputs of ±1 give $\\sum_k x_k^2 = 100$, into 400 sigmoid units.',
      project: large,
      lock: viewOnly(large),
      question: {
        kind: 'number',
        prompt: 'What is the standard deviation of the hidden units’ net input z? (1 decimal)',
        measure: { quantity: 'netSpread', node: 'hidden' },
        tolerance: 1,
        explanation: '√(1 + 100) = 10.05: most units start far out on the flat ends of the sigmoid, where σ′ ≈ 0 — “forcing the neuron to start from very wrong positions”.',
      },
    },
    {
      title: 'Standard deviation 1/√n_in',
      text: 'Lecture 002’s better idea: draw each weight from $N(0, 1/n_{in})$ (biases still $N(0, 1)$), so that\n\n$$z_j \\sim N\\!\\left(0,\\; 1 + \\frac{1}{n_{in}} \\sum_k x_k^2\\right)$$',
      project: scaled,
      lock: viewOnly(scaled),
      question: {
        kind: 'number',
        prompt: 'Now what is the standard deviation of z? (2 decimals)',
        measure: { quantity: 'netSpread', node: 'hidden' },
        tolerance: 0.15,
        explanation: '√(1 + 100/100) = √2 = 1.41: the units start in the middle of the curve, where they learn fastest.',
      },
    },
    {
      title: 'What the sigmoid makes of it',
      text: 'A unit with $|z| > 5$ has $\\sigma\'(z) < 0.007$: its weights barely move (the learning slowdown of lecture 002).',
      project: large,
      lock: viewOnly(large),
      question: {
        kind: 'choice',
        prompt: 'With N(0, 1) weights and 100 inputs, roughly what share of the hidden units start with |z| > 5?',
        options: ['about 1 in 100', 'about 3 in 5', 'all of them'],
        answer: 1,
        explanation: 'P(|z| > 5) for z ~ N(0, 10.05²) is P(|u| > 0.5) = 0.62 for a standard normal u; with N(0, 1/n_in) weights it is P(|u| > 3.5) = 0.0005.',
      },
    },
  ],
})
