/**
 * Auto-fits in flight (scheduled, or still animating), shown as `data-fitting` on <body>. A fit
 * moves every handle on the canvas, so whatever needs the canvas still (the e2e's drags, which
 * once measured a handle just before a late fit moved it) waits until the attribute has gone.
 */
import { whenPointerFree } from './pointerAim'

let inFlight = 0

function track(delta: number): void {
  inFlight += delta
  document.body.toggleAttribute('data-fitting', inFlight > 0)
}

/** The longest a fit counts as in flight: a fit React Flow never resolves must not stick. */
const MAX_FIT_MS = 2_000

/**
 * Runs `fit` after `delayMs`, counted as in flight from now until its promise settles. An
 * automatic fit (`waitForPointer`) also waits until the user is not aiming at the canvas
 * (`pointerAim.ts`), so it never moves a node from under a click. Returns the cancel for an
 * effect's clean-up (a fit that has started finishes on its own).
 */
export function scheduleFit(fit: () => Promise<unknown> | void, delayMs: number, { waitForPointer = false } = {}): () => void {
  track(1)
  let done = false
  let started = false
  let cancelled = false
  const finish = () => {
    if (done) return
    done = true
    track(-1)
  }
  const run = () => {
    if (cancelled) return
    started = true
    setTimeout(finish, MAX_FIT_MS)
    void Promise.resolve(fit()).finally(finish)
  }
  const timer = setTimeout(() => (waitForPointer ? void whenPointerFree().then(run) : run()), delayMs)
  return () => {
    cancelled = true
    clearTimeout(timer)
    if (!started) finish()
  }
}
