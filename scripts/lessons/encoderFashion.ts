/** Lessons: the 8-3-8 encoder's hidden codes (lecture 000) and Fashion-MNIST classification (lectures 002, 004). */
import { defineLesson, exampleProject, lockAllBut, viewOnly, withParams } from './kit'

/** Trained until every pattern comes back right (at most the example's 2000 epochs). */
const encoder = withParams(exampleProject('encoder-8-3-8'), { optimizer: { stop: 'solved', targetAccuracy: 1 } })

export const encoderLesson = defineLesson({
  id: 'encoder-hidden-codes',
  title: 'The 8-3-8 encoder’s hidden codes',
  description: 'Eight one-hot patterns squeezed through three sigmoid units and back: train it and read the code the hidden layer invents, as lecture 000’s table shows one.',
  source: 'Lecture 000, “Learning examples” (8-3-8)',
  project: encoder,
  steps: [
    {
      title: 'Can this be learned?',
      text: 'Lecture 000’s target function maps each of the eight patterns $10000000, 01000000, \\dots, 00000001$ to itself, through a hidden layer of only **three** sigmoid units. “Can this be learned?”',
      lock: viewOnly(encoder),
      question: {
        kind: 'choice',
        prompt: 'How many different codes can three units make if each is near 0 or near 1?',
        options: ['3', '6', '8', '9'],
        answer: 2,
        explanation: '2³ = 8: just enough for eight patterns, if the network finds a binary code.',
      },
    },
    {
      title: 'Train it',
      text: 'The network trains online with momentum (η = 0.5, α = 0.9) on the squared error until every pattern comes back right (at most 2000 epochs). **Train** it; the Training panel’s *Hidden activations* table shows each pattern’s three hidden values and how many distinct codes they make.',
      lock: viewOnly(encoder),
      question: {
        kind: 'target',
        prompt: 'Train until every pattern comes back right (100 % training accuracy).',
        metric: 'trainAccuracy',
        atLeast: 1,
        explanation: 'Every pattern is reconstructed: the three hidden units carry all the information.',
      },
    },
    {
      title: 'Read the code',
      text: 'The lecture’s learned hidden layer (input → hidden values):\n\n- 10000000 → .89 .04 .08\n- 01000000 → .01 .11 .88\n- 00100000 → .01 .97 .27\n- 00010000 → .99 .97 .71\n- 00001000 → .03 .05 .02\n- 00000100 → .22 .99 .99\n- 00000010 → .80 .01 .98\n- 00000001 → .60 .94 .01\n\nYour run starts from the project’s seeded random weights.',
      lock: viewOnly(encoder),
      question: {
        kind: 'number',
        prompt: 'In your Hidden activations table: what is h1 for pattern 10000000 after training? (2 decimals)',
        measure: { quantity: 'output', node: 'hidden', unit: 0, example: 0, after: { toEnd: true } },
        tolerance: 0.006,
        explanation: 'The engine reaches the same number from the same seed.',
      },
    },
    {
      title: 'Whose code?',
      text: 'Compare your table with the lecture’s.',
      lock: viewOnly(encoder),
      question: {
        kind: 'choice',
        prompt: 'Why is your code not the lecture’s .89 .04 .08 for the first pattern?',
        options: ['The engine made a mistake', 'Training starts from other random weights, and many codes work equally well: any eight distinct corners of the cube', 'The lecture used a different target'],
        answer: 1,
        explanation: 'The network invents a code; which one depends on where it starts. Neither is “the” answer, and some values stay in between (like the lecture’s .60 or .22).',
      },
    },
  ],
})

const fashion = withParams(exampleProject('fashion-784-100-10'), { optimizer: { validationFraction: 0.2, epochs: 5 } })

export const fashionLesson = defineLesson({
  id: 'fashion-mnist',
  title: 'Classifying Fashion-MNIST (784-100-10)',
  description: 'Assignment 6’s shallow network on the Fashion-MNIST sample shipped with the app: its size, its iterations per epoch, and a training run to 70 % validation accuracy.',
  source: 'Lecture 002, Assignment 6, question 2 (and lecture 004)',
  project: fashion,
  steps: [
    {
      title: 'The data',
      text: 'Fashion-MNIST: 28 × 28 greyscale images of clothes in 10 classes (T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot). The app ships 2,000 training and 500 test images of it. Assignment 6 asks for “a shallow neural network containing a single hidden layer of 100 or more neurons”.',
      lock: viewOnly(fashion),
      question: {
        kind: 'choice',
        prompt: 'How many input units does the network need?',
        options: ['28', '100', '784', '2,000'],
        answer: 2,
        explanation: 'One per pixel: 28 × 28 = 784.',
      },
    },
    {
      title: 'How many parameters?',
      text: 'Lecture 004 counts a layer of 100 units fed by 100 units as $100 \\times 100 + 100 = 10100$ parameters (weights plus biases). This network is 784-100-10.',
      lock: viewOnly(fashion),
      question: {
        kind: 'number',
        prompt: 'How many weights and biases does it train? (a whole number)',
        measure: { quantity: 'parameters' },
        tolerance: 0.5,
        explanation: '784 × 100 + 100 = 78,500 into the hidden layer, 100 × 10 + 10 = 1,010 into the output: 79,510, as the engine counts them.',
      },
    },
    {
      title: 'Iterations per epoch',
      text: 'The optimizer holds out 20 % of the 2,000 training images for validation and trains on the rest in mini-batches of 300 (the assignment’s size). Lecture 004: “Iteration = (Data set size / Batch size) × Epoch”.',
      lock: viewOnly(fashion),
      question: {
        kind: 'choice',
        prompt: 'How many weight updates does one epoch make?',
        options: ['5', '6', '7', '1,600'],
        answer: 1,
        explanation: '1,600 / 300 = 5.33: five full batches and one of 100, so 6 updates.',
      },
    },
    {
      title: 'Train it',
      text: 'ReLU hidden units (He initialisation), a softmax output with the cross-entropy (logistic) loss, mini-batches of 300, η = 0.1, 5 epochs. You may change the learning rate and the epochs. **Train** it and watch the validation accuracy.',
      lock: lockAllBut(fashion, ['optimizer.learningRate', 'optimizer.epochs']),
      question: {
        kind: 'target',
        prompt: 'Reach at least 70 % validation accuracy.',
        metric: 'valAccuracy',
        atLeast: 0.7,
        explanation: 'With 1,600 training images a few epochs are enough for 70 %; the full 60,000 images take a 784-100-10 network to about 88 %.',
      },
    },
  ],
})
