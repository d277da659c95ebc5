/**
 * When the page's process dies (a crash, or killed for memory), the window reloads it and the
 * autosave brings the graph back. A page that keeps dying (three times within a minute) is left
 * as it is, so a crash loop cannot spin the machine a class shares.
 */

export const MAX_RENDERER_RELOADS = 3
const WINDOW_MS = 60_000

export function createRendererRecovery(reload: () => void, now: () => number) {
  const reloads: number[] = []
  return {
    /** `render-process-gone`: true when it reloaded. */
    onGone(reason: string): boolean {
      if (reason === 'clean-exit') return false
      const t = now()
      while (reloads.length && t - reloads[0] > WINDOW_MS) reloads.shift()
      if (reloads.length >= MAX_RENDERER_RELOADS) return false
      reloads.push(t)
      reload()
      return true
    },
  }
}
