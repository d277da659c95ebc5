import type { FitViewOptions } from '@xyflow/react'

/**
 * Fit-view options that keep the network clear of the example card (top-left) and the
 * problems bar and minimap (bottom), and never zoom in past a readable size.
 */
export function fitOptions(duration = 0): FitViewOptions {
  const card = document.querySelector('.example-card')
  const top = card ? Math.round(card.getBoundingClientRect().height) + 44 : 48
  return { padding: { top: `${top}px`, bottom: '150px', left: '48px', right: '48px' }, maxZoom: 1.25, minZoom: 0.2, duration }
}
