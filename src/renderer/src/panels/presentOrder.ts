import { VIEW_IDS, type ViewId } from '../../../engine/views/registry'

/** What of the run decides the order: whether it draws a decision boundary (2-D inputs) and a hidden-codes table (a probe set). */
export interface PresentedRun {
  plane: boolean
  probe: boolean
}

/**
 * The order presentation mode shows the ticked `views` in: the panel's (curves, boundary,
 * codes …), except that a run with a hidden-codes table and no decision boundary to draw (the
 * 8-3-8 encoder) shows its codes first. They are what its class watches form, and at a
 * projector's 1024 × 768 they came under the loss curves, below the panel's fold.
 */
export function presentOrder(views: readonly ViewId[], run: PresentedRun): ViewId[] {
  const order = VIEW_IDS.filter((id) => views.includes(id))
  if (run.plane || !run.probe || !order.includes('codes')) return order
  return ['codes', ...order.filter((id) => id !== 'codes')]
}
