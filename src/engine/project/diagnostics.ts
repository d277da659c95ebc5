/**
 * Diagnostics: every problem `compileGraph` finds, pinned to the node or edge it concerns,
 * in plain language with a hint that says what to do.
 */

export type Severity = 'error' | 'warning'

export type DiagnosticCode =
  /** Two nodes share an id. */
  | 'duplicate-id'
  /** An edge names a node that does not exist. */
  | 'edge-unknown-node'
  /** An edge between kinds that cannot be connected (e.g. loss → dense). */
  | 'invalid-connection'
  /** The edges form a loop. */
  | 'cycle'
  /** A node feeds an activation node and others too (the activation applies to its whole output). */
  | 'branch'
  /** A node that is not Add or Concatenate has more than one incoming edge. */
  | 'merge'
  /** An Add or Concatenate node with fewer than two incoming edges. */
  | 'merge-inputs'
  /** An Add node whose branches have different widths. */
  | 'merge-width-mismatch'
  /** A node is not reached from the input. */
  | 'dangling-node'
  /** A branch from the input that does not lead to the loss. */
  | 'dead-branch'
  /** The loss reads something other than a dense layer (or its activation). */
  | 'output-not-dense'
  | 'missing-input'
  | 'missing-loss'
  | 'missing-optimizer'
  /** More than one input / loss / optimizer node. */
  | 'duplicate-kind'
  /** The chain has no dense layer. */
  | 'no-layers'
  /** A parameter is out of range, not a number, or not one of the choices. */
  | 'invalid-param'
  /** The input size is `auto` and the data's shape is not known. */
  | 'input-size-unknown'
  | 'input-size-mismatch'
  | 'output-size-mismatch'
  /** The inline data rows are empty or of different lengths. */
  | 'data-shape'
  /** Hand-set weights or biases of the wrong shape. */
  | 'weights-shape'
  /** An activation that does not follow a dense layer (after the input or a dropout). */
  | 'activation-without-dense'
  /** Two activation nodes in a row. */
  | 'double-activation'
  | 'softmax-one-unit'
  /** The loss needs a different output activation (bce ↔ sigmoid, softmaxCrossEntropy ↔ softmax). */
  | 'loss-activation-mismatch'
  /** Step or sign activation in a network trained by gradient descent (its gradient is 0). */
  | 'step-with-gradient'
  /** The perceptron rule on anything but one dense layer with a step or sign activation. */
  | 'perceptron-needs-step'
  /** Early stopping with no validation data. */
  | 'early-stopping-without-validation'
  /** No weight or bias is trainable. */
  | 'nothing-to-train'
  /** The parameters would not fit the engine's memory (budget.ts). */
  | 'network-too-large'
  /** The engine's own check of a layer node (e.g. batch norm with one example per update). */
  | 'layer-check'

export interface Diagnostic {
  severity: Severity
  code: DiagnosticCode
  /** The node the problem is about (highlighted on the canvas). */
  nodeId?: string
  /** The edge the problem is about. */
  edgeId?: string
  /** The parameter key within the node, for `invalid-param` and shape problems. */
  param?: string
  /** What is wrong, in plain language. */
  message: string
  /** What to do about it. */
  hint: string
}
