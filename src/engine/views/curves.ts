/** The loss and accuracy curves: drawn from the curve points and epochs every snapshot carries. */
import type { LiveView } from './liveView'

export const curvesView = {
  label: 'Loss curves',
  description: 'Loss (and accuracy) per iteration and per epoch, training beside validation.',
} satisfies LiveView
