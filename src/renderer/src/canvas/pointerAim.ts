/**
 * Whether the user is aiming at the canvas: a button held on it, or the pointer moved over it in
 * the last moments. An automatic fit (a panel's width, the window, something floating over the
 * network) waits until the user is not: it would move the node under the pointer, and a click
 * aimed at it would land beside it (or its press and release on different things, no click).
 * Fits the user asks for (Fit, Tidy, a project opened) do not wait.
 */

/** How long after the last move over the canvas the pointer counts as aiming, in ms (a hand settles on a target in about this). */
export const AIM_MS = 500

export interface PointerState {
  /** A button is held down on the canvas (a click, a drag, a wire being drawn). */
  held: boolean
  /** When the pointer last moved over the canvas (ms, same clock as `now`). */
  movedAt: number
}

/** How long an automatic fit must still wait, in ms: 0 when it can move the canvas now, Infinity until the button is released. */
export function aimDelay(state: PointerState, now: number): number {
  if (state.held) return Infinity
  return Math.max(0, state.movedAt + AIM_MS - now)
}

const state: PointerState = { held: false, movedAt: -Infinity }
const released = new Set<() => void>()

function onCanvas(event: Event): boolean {
  return event.target instanceof Element && event.target.closest('.react-flow') !== null
}

function release(): void {
  if (!state.held) return
  state.held = false
  state.movedAt = performance.now()
  for (const wake of [...released]) wake()
}

let tracking = false
/** Starts following the pointer (once per page; listeners on the document, in the capture phase, so React Flow's own handlers cannot hide them). */
export function trackPointerAim(): void {
  if (tracking) return
  tracking = true
  document.addEventListener('pointerdown', (e) => onCanvas(e) && (state.held = true), true)
  document.addEventListener('pointermove', (e) => onCanvas(e) && (state.movedAt = performance.now()), true)
  for (const type of ['pointerup', 'pointercancel'] as const) window.addEventListener(type, release, true)
  // A release outside the window (no pointerup reaches the page) must not hold fits for ever.
  window.addEventListener('blur', release)
}

/** Resolves once the user is not aiming at the canvas (at once when they are not). */
export function whenPointerFree(): Promise<void> {
  trackPointerAim()
  return new Promise((resolve) => {
    const check = () => {
      const wait = aimDelay(state, performance.now())
      if (wait === 0) return resolve()
      if (wait === Infinity) {
        const wake = () => {
          released.delete(wake)
          check()
        }
        released.add(wake)
      } else setTimeout(check, wait)
    }
    check()
  })
}
