/**
 * Each shipped lesson's number questions, in order: the answer as the lecture prints it (or, where
 * the lecture only gives the formula, as worked by hand from it) and the digits it is good to.
 * test/lessons.test.ts checks the engine gives these and that the lesson's tolerance accepts them.
 */
export const LECTURE_NUMBERS: Record<string, [value: number, digits: number][]> = {
  'perceptron-rule': [
    [-1, 12], // b after (0, 0): the table's first row
    [1, 12], // w1 after epoch 1: the table's last row
    [6, 12], // epochs until no change
    [-3, 12], // b where it stops: w = (2, 1), b = −3
  ],
  'backprop-by-hand': [
    [0.593269992, 9],
    [0.75136507, 8],
    [0.298371109, 9],
    [0.35891648, 8],
    [0.149780716, 9],
  ],
  'activation-functions': [
    [1 / (1 + Math.exp(-1)), 12], // σ(1) = 0.731: lecture 000's [0.5, 0.732)
    [1 / (1 + Math.exp(-0.5)), 12], // σ(0.5) = 0.622 (the deck's 0.378 is 1 − σ(0.5))
    [0.25, 12], // σ′(0): lecture 004's "lower than 0.25"
    [1 - Math.tanh(0.5) ** 2, 12], // tanh′ = 1 − tanh²
    [2, 12], // ReLU(2)
    [0, 12], // ReLU′(−1)
    [Math.log(2), 12], // softplus(0) = ln 2
  ],
  'sjtu-backprop': [
    [0.68, 2], // "Out = 0.68"
    [0.69, 2], // "Out = 0.69"
    [-0.0406, 3], // δ = (0.5 − 0.69)(1 − 0.69)0.69 (unrounded −0.04068)
    [0.272392, 3], // w1+
    [-0.04068112511 * 0.3 * 0.68026719670 * (1 - 0.68026719670), 9], // standard δ1 with the old w1 = 0.3 (the deck's −2.406e-3 uses w1+)
    [0.1 + -0.04068112511 * 0.3 * 0.68026719670 * (1 - 0.68026719670) * 0.35, 9], // w3+ from the standard δ1 (the deck: 0.09916)
    [0.5 + 0.18205, 3], // (iii) new error −0.18205, so o = 0.68205
  ],
  'gradient-descent': [
    [-0.8362725472, 9], // x₃₀ with η = 0.01 (x ← x − η(x³ − 9x² + 7), by hand)
    [-8.9775139, 6], // f at the local minimum near x = −0.8433
    [-0.8433068549, 9], // x₃₀ with η = 0.1
    [0.4 - 0.05 * 0.082167041, 9], // w5+ with η = 0.05 and lecture 001's gradient
    [15, 12], // 5 epochs × ⌈8/3⌉ updates
    [0.005 * 0.5 ** 2, 12], // epoch 13 of lecture 002's schedule (0.005, × 0.5 every 5 epochs)
  ],
  'momentum-adaptive': [
    [0.35891648, 8], // first momentum step = plain descent
    [0.31735386 - 0.9 * (0.4 - 0.35891648), 7], // plain descent's second step + α × the first change
    [0.4 - 0.5 * 0.1 * 0.082167041, 9], // lecture 004's form: v = −(1 − λ)g
    [0.4 - 0.01, 7], // AdaGrad: first step η·g/|g|
    [0.4 - 0.01 / Math.sqrt(0.1), 7], // RMSProp: η·g/√(0.1g²)
    [0.4 - 0.01, 7], // Adam: first step η after the bias corrections
  ],
  overfitting: [
    [(1 - 0.5 * 0.1) * 0.4 - 0.5 * 0.082167041, 8], // lecture 002: (1 − ηλ/n)w − η∂C/∂w
    [0.4 - 0.5 * 0.1 - 0.5 * 0.082167041, 8], // L1: − ηλ/n·sign(w)
    [0.75136507, 8], // out_o1 at evaluation: dropout passes everything
  ],
  initialisation: [
    [0.5, 12], // σ(0)
    [Math.sqrt(101), 0], // √(1 + Σx²), sampled over 400 units × 4 rows
    [Math.SQRT2, 1], // √(1 + Σx²/n_in)
  ],
  'encoder-hidden-codes': [
    [0.79, 2], // h1 of pattern 10000000 once solved from the project's seed (the engine's code)
  ],
  // Lecture 004's count for 784-100-10: 784 × 100 + 100 + 100 × 10 + 10 weights and biases.
  'fashion-mnist': [[79_510, 6]],
}
