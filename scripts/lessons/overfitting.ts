/** Lesson: overfitting and its remedies — L2, L1, dropout, early stopping (lectures 002, 000, 004, 001). */
import { chainProject, defineLesson, exampleProject, lockAllBut, type Json, viewOnly, withParams } from './kit'

const mazur = exampleProject('mazur-2-2-2')
const l2 = withParams(mazur, { optimizer: { l2: 0.1 } })
const l1 = withParams(mazur, { optimizer: { l1: 0.1 } })

/** Mazur's network with a dropout layer (rate 0.5) between the hidden and the output layer. */
function withDropout(project: Json): Json {
  const next = JSON.parse(JSON.stringify(project)) as { nodes: Json[]; edges: Json[] }
  const at = next.nodes.findIndex((n) => n.id === 'output')
  next.nodes.splice(at, 0, { id: 'dropout', kind: 'dropout', position: { x: 550, y: 260 }, params: { rate: 0.5 } })
  next.edges = next.edges.filter((e) => e.id !== 'e-hidden-act-output')
  next.edges.push({ id: 'e-hidden-act-dropout', source: 'hidden-act', target: 'dropout' }, { id: 'e-dropout-output', source: 'dropout', target: 'output' })
  return next as unknown as Json
}
const dropout = withDropout(mazur)

/** Few noisy points and a large network: it can learn the noise, and validation tells. */
const noisy = chainProject({
  meta: {
    title: 'Noisy circles, a large network, early stopping',
    description: '80 noisy points of two circles; 30 % held out for validation. A 2-32-32-2 network could learn the noise; early stopping ends the run when the validation loss has not improved for 20 epochs and restores the best epoch.',
    source: 'Lecture 001, “How much training is needed?”',
  },
  seed: 3,
  data: { kind: 'builtin', id: 'circles', options: { count: 80, noise: 0.25, seed: 3 } },
  inputSize: 2,
  layers: [
    { id: 'hidden1', units: 32, activation: 'relu', dense: { weightInit: { id: 'heNormal' } } },
    { id: 'hidden2', units: 32, activation: 'relu', dense: { weightInit: { id: 'heNormal' } } },
    { id: 'output', units: 2, activation: 'softmax' },
  ],
  loss: { loss: 'softmaxCrossEntropy', reduction: 'mean' },
  optimizer: { optimizer: 'adam', learningRate: 0.01, batchMode: 'full', epochs: 1000, validationFraction: 0.3, earlyStopping: true, patience: 20, restoreBest: true },
})

const w5 = { quantity: 'weight' as const, node: 'output', unit: 0, input: 0, after: { updates: 1 } }

export const overfittingLesson = defineLesson({
  id: 'overfitting',
  title: 'Overfitting: L2, L1, dropout and early stopping',
  description: 'Weight decay by hand on the 2-2-2 network (lecture 002’s λ/2n·Σw² and its L1 sibling), dropout at evaluation, and early stopping on noisy data.',
  source: 'Lecture 002, “How to avoid overfitting” (and lectures 000, 001, 004)',
  project: l2,
  steps: [
    {
      title: 'L2: weight decay',
      text: 'Lecture 002 adds $\\frac{\\lambda}{2n}\\sum w^2$ to the cost, so each step first shrinks the weight:\n\n$$w \\leftarrow \\left(1 - \\frac{\\eta\\lambda}{n}\\right) w - \\eta\\,\\frac{\\partial C}{\\partial w}$$\n\nThe 2-2-2 network of lecture 001 has one training example ($n = 1$), $\\eta = 0.5$, $\\partial E/\\partial w_5 = 0.082167041$, and now $\\lambda = 0.1$ (select the optimizer).',
      lock: viewOnly(l2),
      question: {
        kind: 'number',
        prompt: 'What is w5 after one step with L2, λ = 0.1? (6 decimals)',
        measure: w5,
        tolerance: 5e-7,
        explanation: '(1 − 0.5 · 0.1) · 0.4 − 0.5 · 0.082167041 = 0.38 − 0.04108352 = 0.33891648.',
      },
    },
    {
      title: 'L1',
      text: 'With $p = 1$ the penalty is $\\frac{\\lambda}{n}\\sum |w|$, whose gradient is $\\frac{\\lambda}{n}\\,\\mathrm{sign}(w)$: every weight is pulled towards 0 by the same amount.\n\n$$w \\leftarrow w - \\frac{\\eta\\lambda}{n}\\,\\mathrm{sign}(w) - \\eta\\,\\frac{\\partial C}{\\partial w}$$',
      project: l1,
      lock: viewOnly(l1),
      question: {
        kind: 'number',
        prompt: 'What is w5 after one step with L1, λ = 0.1? (6 decimals)',
        measure: w5,
        tolerance: 5e-7,
        explanation: '0.4 − 0.5 · 0.1 · 1 − 0.04108352 = 0.30891648. L1 drives small weights to exactly 0; L2 only shrinks them in proportion.',
      },
    },
    {
      title: 'And the biases?',
      text: 'Lecture 002: “For either version of gradient descent, the update rule for the biases remains unchanged.”',
      project: l2,
      lock: viewOnly(l2),
      question: {
        kind: 'choice',
        prompt: 'Does weight decay shrink the biases?',
        options: ['Yes, every parameter decays', 'No: the penalty sums over weights only, so biases are updated as before'],
        answer: 1,
        explanation: 'The sum in λ/2n·Σw² runs over the weights w_jk; the engine regularises weights, never biases.',
      },
    },
    {
      title: 'Dropout',
      text: 'Dropout “randomly and temporarily deletes half of the hidden neurons in each training iteration” (lecture 002); lecture 004: dropped variables are not trained in that step, but are “still in use in the testing phase”. A dropout layer with rate 0.5 now sits after the hidden layer. The engine keeps each unit with probability 0.5 while training and scales it by 1/0.5, so that at evaluation it passes everything unchanged.',
      project: dropout,
      lock: viewOnly(dropout),
      question: {
        kind: 'number',
        prompt: 'At evaluation, what is out_o1 for the lecture’s input? (6 decimals)',
        measure: { quantity: 'output', node: 'output', unit: 0, example: 0 },
        tolerance: 5e-7,
        explanation: 'Dropout is off at evaluation: out_o1 = 0.75136507, as without the layer.',
      },
    },
    {
      title: 'Early stopping',
      text: 'Lecture 001: “Stop when validation error gets to min.” These 80 noisy points are split 70 / 30 into training and validation; the 2-32-32-2 network is large enough to learn the noise. Early stopping ends the run 20 epochs after the validation loss last improved and restores the best epoch. **Train** it and watch the two curves part.',
      project: noisy,
      lock: lockAllBut(noisy, ['optimizer.earlyStopping', 'optimizer.patience']),
      question: {
        kind: 'target',
        prompt: 'Train until early stopping ends the run, with at least 75 % validation accuracy.',
        metric: 'valAccuracy',
        atLeast: 0.75,
        explanation: 'The validation loss bottoms out long before the training loss does: what follows is the network learning the noise.',
      },
    },
  ],
})
