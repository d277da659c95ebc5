/**
 * How large a network the engine trains: the engine refuses a spec past these (train/validate.ts)
 * and the canvas says so first, on the node (project/budget.ts). Memory stays in the hundreds
 * of MB: 2^24 parameters with their gradients, two Adam moments and the best-epoch copy take
 * 640 MB in float64.
 */

/** Widest layer, in units. */
export const MAX_LAYER_WIDTH = 65_536
/** Most parameters (weights and biases) in all. */
export const MAX_PARAMETERS = 1 << 24
