/** Lesson: momentum (lecture 001's and lecture 004's forms), Nesterov, and the adaptive optimizers. */
import { defineLesson, exampleProject, viewOnly, withParams } from './kit'

const mazur = exampleProject('mazur-2-2-2')
const using = (optimizer: Record<string, unknown>) => withParams(mazur, { optimizer: { form: 'lecture', ...optimizer } })
const momentum = using({ optimizer: 'momentum', learningRate: 0.5, momentum: 0.9, epochs: 2 })
const ema = using({ optimizer: 'momentumEma', learningRate: 0.5, momentum: 0.9, epochs: 2 })
const nesterov = using({ optimizer: 'nesterov', learningRate: 0.5, momentum: 0.9, epochs: 2 })
const adagrad = using({ optimizer: 'adagrad', learningRate: 0.01 })
const rmsprop = using({ optimizer: 'rmsprop', learningRate: 0.01, rho: 0.9 })
const adam = using({ optimizer: 'adam', learningRate: 0.01 })

const w5 = (updates: number) => ({ quantity: 'weight' as const, node: 'output', unit: 0, input: 0, after: { updates } })
const gradient = '$\\partial E/\\partial w_5 = 0.082167041$ at the start (lecture 001)'

export const momentumLesson = defineLesson({
  id: 'momentum-adaptive',
  title: 'Momentum and adaptive optimizers',
  description: 'The first steps of momentum (lecture 001’s and lecture 004’s forms), Nesterov, AdaGrad, RMSProp and Adam on w5 of the 2-2-2 network, by hand and by the engine.',
  source: 'Lecture 001, “Gradient Descent in Action” and “Improving BP” (and lecture 004)',
  project: momentum,
  steps: [
    {
      title: 'Momentum: the first step',
      text: `Lecture 001 adds a fraction $\\alpha$ of the previous change:\n\n$$\\Delta w(n) = -\\eta\\,\\frac{\\partial E}{\\partial w} + \\alpha\\,\\Delta w(n-1)$$\n\nHere $\\eta = 0.5$, $\\alpha = 0.9$, and ${gradient}. Select the optimizer: its formula is the one the engine computes.`,
      lock: viewOnly(momentum),
      question: {
        kind: 'number',
        prompt: 'What is w5 after the first momentum step? (6 decimals)',
        measure: w5(1),
        tolerance: 5e-7,
        explanation: 'There is no previous change yet, so the first step is plain gradient descent: 0.4 − 0.5 · 0.082167041 = 0.35891648.',
      },
    },
    {
      title: 'Momentum: the second step',
      text: 'The second step adds $0.9 \\times$ the first change, $0.9 \\times (-0.04108352) = -0.03697517$, to the new gradient step. Predict the result (the engine computes the new gradient at the moved weights).',
      lock: viewOnly(momentum),
      question: {
        kind: 'number',
        prompt: 'What is w5 after the second momentum step? (4 decimals)',
        measure: w5(2),
        tolerance: 5e-4,
        explanation: 'Plain gradient descent reaches 0.3174 after two steps; momentum adds 0.9 × the first change, −0.0370, and gets to 0.2804.',
      },
    },
    {
      title: 'Lecture 004’s form',
      text: 'Lecture 004 writes momentum as an average of gradients:\n\n$$v_{t+1} = \\lambda v_t - (1 - \\lambda)\\,\\frac{\\partial E}{\\partial w}, \\qquad w^+ = w + \\eta\\, v_{t+1}$$\n\nwith $\\lambda = 0.9$, $\\eta = 0.5$, $v_0 = 0$.',
      project: ema,
      lock: viewOnly(ema),
      question: {
        kind: 'number',
        prompt: 'What is w5 after the first step of this form? (6 decimals)',
        measure: w5(1),
        tolerance: 5e-7,
        explanation: 'v₁ = −0.1 · 0.082167041, so w5⁺ = 0.4 − 0.5 · 0.0082167041 = 0.395891648: a tenth of lecture 001’s first step. The (1 − λ) makes the two forms differ by that factor in η.',
      },
    },
    {
      title: 'Nesterov',
      text: 'Nesterov accelerated gradient (lecture 001, after the gradient-descent overview it cites) looks ahead before it takes the gradient:\n\n$$v \\leftarrow \\alpha v + \\eta\\,\\nabla E(w - \\alpha v), \\qquad w \\leftarrow w - v$$',
      project: nesterov,
      lock: viewOnly(nesterov),
      question: {
        kind: 'choice',
        prompt: 'Where does Nesterov take its gradient?',
        options: ['at the current weights w', 'at the look-ahead point w − α·v, where momentum alone would carry the weights', 'at the previous weights'],
        answer: 1,
        explanation: 'It corrects the momentum step with the slope where that step lands. On the first step v = 0, so it equals plain momentum.',
      },
    },
    {
      title: 'AdaGrad',
      text: 'AdaGrad divides each weight’s step by the root of its summed squared gradients:\n\n$$G \\leftarrow G + g^2, \\qquad w \\leftarrow w - \\eta\\,\\frac{g}{\\sqrt{G} + \\varepsilon}$$\n\nwith $\\eta = 0.01$.',
      project: adagrad,
      lock: viewOnly(adagrad),
      question: {
        kind: 'number',
        prompt: 'What is w5 after AdaGrad’s first step? (5 decimals)',
        measure: w5(1),
        tolerance: 5e-6,
        explanation: 'G = g², so the step is η · g/|g| = 0.01 whatever the gradient’s size: w5⁺ = 0.39. Every weight moves by η at first.',
      },
    },
    {
      title: 'RMSProp',
      text: 'RMSProp keeps a decaying average instead of a sum:\n\n$$s \\leftarrow \\rho s + (1-\\rho)\\,g^2, \\qquad w \\leftarrow w - \\eta\\,\\frac{g}{\\sqrt{s} + \\varepsilon}$$\n\nwith $\\rho = 0.9$, $\\eta = 0.01$, $s_0 = 0$.',
      project: rmsprop,
      lock: viewOnly(rmsprop),
      question: {
        kind: 'number',
        prompt: 'What is w5 after RMSProp’s first step? (5 decimals)',
        measure: w5(1),
        tolerance: 5e-6,
        explanation: 's = 0.1 g², so the step is η/√0.1 = 0.0316: w5⁺ = 0.36838.',
      },
    },
    {
      title: 'Adam',
      text: 'Adam averages both the gradient and its square, and corrects their start at 0:\n\n$$m \\leftarrow \\beta_1 m + (1-\\beta_1) g, \\quad v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2, \\quad w \\leftarrow w - \\eta\\,\\frac{m/(1-\\beta_1^t)}{\\sqrt{v/(1-\\beta_2^t)} + \\varepsilon}$$\n\nwith $\\eta = 0.01$.',
      project: adam,
      lock: viewOnly(adam),
      question: {
        kind: 'number',
        prompt: 'What is w5 after Adam’s first step? (5 decimals)',
        measure: w5(1),
        tolerance: 5e-6,
        explanation: 'After the corrections m̂ = g and v̂ = g², so the first step is η · g/|g| = 0.01, as AdaGrad’s: w5⁺ = 0.39.',
      },
    },
  ],
})
