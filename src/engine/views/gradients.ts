/** The gradient-norm view: drawn from the per-layer ‖∂E/∂(W, b)‖ every snapshot carries. */
import type { LiveView } from './liveView'

export const gradientsView = {
  label: 'Gradients',
  description: 'The gradient norm of every dense layer over time (vanishing gradients show as a gap between lines).',
} satisfies LiveView
