/**
 * When the page's process dies (a crash, or killed for memory), the window reloads it and the
 * autosave brings the graph back. A page that keeps dying (three times within a minute) is not
 * reloaded again, so a crash loop cannot spin the machine a class shares; the user is asked
 * instead (`giveUp`: try again, or close the window), never left with a blank window.
 */

export const MAX_RENDERER_RELOADS = 3
const WINDOW_MS = 60_000

/** Why the page went, in the user's words. */
const REASONS: Record<string, string> = {
  oom: 'it ran out of memory',
  crashed: 'it crashed',
  killed: 'it was ended by another program',
  'launch-failed': 'it could not start',
  'integrity-failure': 'its code failed an integrity check',
}

/** What the dialog says when the page keeps dying. */
export function gaveUpText(reason: string): { message: string; detail: string } {
  return {
    message: 'Axon Studio’s window keeps stopping.',
    detail: `It stopped ${MAX_RENDERER_RELOADS + 1} times within a minute (last: ${REASONS[reason] ?? reason}). The autosave keeps your network: Try Again reloads it; if it stops again, close the window and start Axon Studio again.`,
  }
}

/** When a page that went is reloaded (main: a moment later, unless the session ends meanwhile). */
export interface RecoveryTiming {
  /**
   * False once the OS ends the session: a log-off SIGTERMs every process of the session, the
   * page's too, in no set order, and the window is about to close: a reload would only start
   * the page again (and its recovery of the autosave) to be killed.
   */
  mayReload(): boolean
  /** Runs `decide` a moment after the page went (main: a timer), so that main may hear first that the session ends. */
  afterGone(decide: () => void): void
}

const AT_ONCE: RecoveryTiming = { mayReload: () => true, afterGone: (decide) => decide() }

export function createRendererRecovery(reload: () => void, now: () => number, giveUp: (reason: string) => void, timing: RecoveryTiming = AT_ONCE) {
  const reloads: number[] = []
  /** The page went a moment ago: reload it, or ask when it keeps going. */
  function decide(reason: string): void {
    if (!timing.mayReload()) return
    const t = now()
    while (reloads.length && t - reloads[0] > WINDOW_MS) reloads.shift()
    if (reloads.length >= MAX_RENDERER_RELOADS) return giveUp(reason)
    reloads.push(t)
    reload()
  }
  return {
    /** `render-process-gone`: the page is reloaded a moment later (not after a clean exit). */
    onGone(reason: string): void {
      if (reason !== 'clean-exit') timing.afterGone(() => decide(reason))
    },
    /** The user asked to try again: reload, counting afresh. */
    tryAgain(): void {
      reloads.length = 0
      reload()
    },
  }
}
