/** Lesson: lecture 000's calculation exercise, and where the deck's own arithmetic departs from backprop. */
import { defineLesson, exampleProject, viewOnly } from './kit'

const project = exampleProject('sjtu-exercise')
const lock = viewOnly(project)
const once = { updates: 1 }

export const sjtuLesson = defineLesson({
  id: 'sjtu-backprop',
  title: 'The SJTU backprop exercise (2-2-1, target 0.5)',
  description: 'Lecture 000’s calculation exercise step by step: the forward pass, one reverse pass with η = 1, a second forward pass — and the place where the deck’s answer uses an updated weight that standard backpropagation does not.',
  source: 'Lecture 000, “Calculation exercise”',
  project,
  steps: [
    {
      title: 'Forward pass: the hidden layer',
      text: 'Inputs $x_1 = 0.35$, $x_2 = 0.9$; sigmoid units, no biases. The top neuron has weights $w_3 = 0.1$ (from $x_1$) and $w_4 = 0.8$ (from $x_2$), the bottom one $w_5 = 0.4$ and $w_6 = 0.6$. The deck:\n\n$$net_{top} = 0.35 \\times 0.1 + 0.9 \\times 0.8 = 0.755$$\n\nand out $= 0.68$; the bottom neuron gets $0.68$ and outputs $0.6637$.',
      lock,
      question: {
        kind: 'number',
        prompt: 'What does the top neuron output? (2 decimals, as the deck)',
        measure: { quantity: 'output', node: 'hidden', unit: 0, example: 0 },
        tolerance: 0.005,
        explanation: 'σ(0.755) = 0.6803, the deck’s 0.68.',
      },
    },
    {
      title: 'Forward pass: the output',
      text: 'The final neuron has weights $w_1 = 0.3$ and $w_2 = 0.9$:\n\n$$net = 0.3 \\times 0.68 + 0.9 \\times 0.6637 = 0.80133$$\n\n(the deck adds the rounded hidden outputs; unrounded it is 0.80144).',
      lock,
      question: {
        kind: 'number',
        prompt: 'What is the network’s output o? (2 decimals)',
        measure: { quantity: 'output', node: 'output', unit: 0, example: 0 },
        tolerance: 0.005,
        explanation: 'σ(0.80144) = 0.6903, the deck’s 0.69. The error t − o is 0.5 − 0.69 = −0.19.',
      },
    },
    {
      title: 'The output error δ',
      text: 'With the squared error and a sigmoid output, the error term is\n\n$$\\delta = (t - o)(1 - o)\\,o$$\n\nThe deck rounds $o$ to 0.69 first.',
      lock,
      question: {
        kind: 'number',
        prompt: 'What is δ? (4 decimals)',
        measure: { quantity: 'delta', node: 'output', unit: 0, example: 0 },
        tolerance: 5e-4,
        explanation: 'δ = (0.5 − 0.6903)(1 − 0.6903)(0.6903) = −0.0407; from the rounded 0.69 the deck gets −0.0406.',
      },
    },
    {
      title: 'New output weights',
      text: 'With $\\eta = 1$ the deck updates $w^+ = w + \\delta \\times input$:\n\n$$w_1^+ = 0.3 + (-0.0406 \\times 0.68) = 0.272392, \\qquad w_2^+ = 0.9 + (-0.0406 \\times 0.6637) = 0.87305$$',
      lock,
      question: {
        kind: 'number',
        prompt: 'What is w1 after the update? (3 decimals)',
        measure: { quantity: 'weight', node: 'output', unit: 0, input: 0, after: once },
        tolerance: 5e-4,
        explanation: 'Unrounded, w1⁺ = 0.3 − 0.04068 · 0.68027 = 0.27233; the deck’s rounded δ gives 0.272392. The same to 3 decimals.',
      },
    },
    {
      title: 'Hidden errors: where the deck departs',
      text: 'Backpropagation sends δ back along the weights **as they were in the forward pass**:\n\n$$\\delta_1 = \\delta \\cdot w_1 \\cdot o_{top}(1 - o_{top})$$\n\nThe deck writes $\\delta_1 = \\delta \\times w_1 \\times (1-o)o$ but multiplies by the *updated* $w_1^+ = 0.272392$:\n\n$$-0.0406 \\times 0.272392 \\times (1-0.68)\\,0.68 = -2.406 \\times 10^{-3}$$\n\nThe gradient of the error is taken at one point, so every factor must come from the same pass. The engine (like every framework) uses $w_1 = 0.3$.',
      lock,
      question: {
        kind: 'number',
        prompt: 'What is δ1 of the top hidden neuron with standard backprop? (6 decimals)',
        measure: { quantity: 'delta', node: 'hidden', unit: 0, example: 0 },
        tolerance: 5e-6,
        explanation: 'δ1 = −0.04068 × 0.3 × 0.6803 × 0.3197 = −0.002654, not the deck’s −0.002406 (and δ2 = −0.008172, not −0.007916).',
      },
    },
    {
      title: 'New hidden weights',
      text: 'The hidden weights move by $\\delta_j \\times input$. The deck, from its δ1:\n\n$$w_3^+ = 0.1 + (-2.406 \\times 10^{-3} \\times 0.35) = 0.09916$$',
      lock,
      question: {
        kind: 'number',
        prompt: 'What is w3 after the update, with standard backprop? (5 decimals)',
        measure: { quantity: 'weight', node: 'hidden', unit: 0, input: 0, after: once },
        tolerance: 5e-6,
        explanation: 'w3⁺ = 0.1 − 0.002654 × 0.35 = 0.09907 (the deck: 0.09916). w4⁺ = 0.79761, w5⁺ = 0.39714, w6⁺ = 0.59265.',
      },
    },
    {
      title: 'A further forward pass',
      text: 'Part (iii): run the example again through the updated network. The deck: “Old error was −0.19. New error is −0.18205. Therefore error has reduced.” Open **Step through** in the Training panel to apply the update and see the new pass.',
      lock,
      question: {
        kind: 'number',
        prompt: 'What is the output o after the update? (4 decimals)',
        measure: { quantity: 'output', node: 'output', unit: 0, example: 0, after: once },
        tolerance: 5e-4,
        explanation: 'o = 0.6820, so t − o = −0.1820: the error has shrunk from −0.19, as the deck says (its −0.18205 comes from its own weights).',
      },
    },
  ],
})
