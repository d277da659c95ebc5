/**
 * The page's clock for the snapshot mailbox (`snapshotMailbox.ts`): animation frames, the time,
 * "just after this frame was painted" and timers. A background tab or a minimised window gets no
 * frames and slow timers, and the run must go on meanwhile, not wait to be looked at: whatever
 * waits for a frame or a timer is called at once when the page is hidden.
 */
import type { FrameClock } from './snapshotMailbox'

/** Calls `callback` once: when `schedule` fires it, or when the page's visibility changes first. */
function onceOrWhenHidden(schedule: (fire: () => void) => void, callback: () => void): void {
  let called = false
  const done = () => {
    document.removeEventListener('visibilitychange', done)
    if (!called) callback()
    called = true
  }
  schedule(done)
  document.addEventListener('visibilitychange', done)
}

/** A message posted during a frame is handled once the frame's rendering (style, layout, paint) is done. */
const painted = new MessageChannel()
let afterPaintQueue: Array<() => void> = []
painted.port1.onmessage = () => {
  const due = afterPaintQueue
  afterPaintQueue = []
  for (const callback of due) callback()
}

export const pageFrames: FrameClock = {
  hidden: () => document.visibilityState === 'hidden',
  now: () => performance.now(),
  request: (callback) => onceOrWhenHidden((fire) => requestAnimationFrame(fire), callback),
  afterPaint(callback) {
    afterPaintQueue.push(callback)
    if (afterPaintQueue.length === 1) painted.port2.postMessage(null)
  },
  after: (ms, callback) => onceOrWhenHidden((fire) => setTimeout(fire, ms), callback),
}
