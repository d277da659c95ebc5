/**
 * Keyboard-only walking: press Tab (or Shift+Tab) until a control has the focus, checking at every
 * stop what a keyboard user needs: the focused control is ringed (an outline, a shadow, or for the
 * canvas a ringed node or a thickened wire), lies whole inside the window, and is not hidden
 * under something else (a panel's sticky foot, the status bar).
 */
import { expect, type Page } from '@playwright/test'

export interface FocusStop {
  /** data-testid, else React Flow's data-id, else the tag. */
  id: string
  ringed: boolean
  inWindow: boolean
  /** The element at the middle of its box is it (or inside it): nothing covers it. */
  uncovered: boolean
  /** What lies over its middle when something else does. */
  coveredBy?: string
  /** Whether the focus is inside `[data-testid=within]` (true when no `within` is given). */
  inside: boolean
}

/** What a keyboard user sees of the focused element. */
export async function focusStop(page: Page, within?: string): Promise<FocusStop> {
  return page.evaluate((within) => {
    const e = document.activeElement as HTMLElement | null
    if (!e || e === document.body) return { id: 'body', ringed: false, inWindow: false, uncovered: false, inside: false }
    const ring = (el: Element | null): boolean => {
      if (!el) return false
      const cs = getComputedStyle(el)
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none'
    }
    const isNode = e.classList.contains('react-flow__node')
    const isEdge = e.classList.contains('react-flow__edge')
    const path = isEdge ? e.querySelector('.react-flow__edge-path') : null
    const ringed = isNode ? ring(e.querySelector('.layer-node')) : isEdge ? parseFloat(getComputedStyle(path!).strokeWidth) >= 4 : ring(e)
    const r = e.getBoundingClientRect()
    const inWindow = r.width > 0 && r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5
    // An edge's box is mostly empty canvas: only HTML controls are hit-tested.
    const hit = isEdge ? e : document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    const uncovered = Boolean(hit && (hit === e || e.contains(hit) || hit.contains(e)))
    const id = e.getAttribute('data-testid') ?? e.getAttribute('data-id') ?? e.tagName.toLowerCase()
    const coveredBy = uncovered || !hit ? undefined : `${hit.tagName.toLowerCase()}.${Array.from(hit.classList).join('.')}`
    return { id, ringed, inWindow, uncovered, coveredBy, inside: within ? Boolean(e.closest(`[data-testid="${within}"]`)) : true }
  }, within)
}

/**
 * Presses `key` (Tab by default) until `target` (a test id, or a test-id prefix ending in `*`)
 * has the focus, at most `limit` times; every stop on the way must be ringed, whole in the
 * window and uncovered (and inside `within`, when given). Returns the stops, for the message.
 */
export async function tabTo(page: Page, target: string, options: { within?: string; limit?: number; key?: 'Tab' | 'Shift+Tab' } = {}): Promise<FocusStop[]> {
  const { within, limit = 40, key = 'Tab' } = options
  const matches = (id: string) => (target.endsWith('*') ? id.startsWith(target.slice(0, -1)) : id === target)
  const stops: FocusStop[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key)
    const stop = await focusStop(page, within)
    stops.push(stop)
    // Past the page's first or last control the focus goes to the browser's own bar, then comes back.
    if (stop.id === 'body' && !within) continue
    const where = `${stop.id} (after ${stops.map((s) => s.id).join(' → ')})`
    expect(stop.inside, `${where} is inside ${within}`).toBe(true)
    expect(stop.ringed, `${where} shows it has the focus`).toBe(true)
    expect(stop.inWindow, `${where} lies whole inside the window`).toBe(true)
    expect(stop.uncovered, `${where} is not covered by ${stop.coveredBy}`).toBe(true)
    if (matches(stop.id)) return stops
  }
  throw new Error(`${target} not reached by ${key} in ${limit} presses: ${stops.map((s) => s.id).join(' → ')}`)
}

/** The focused element's test id. */
export async function focusedId(page: Page): Promise<string> {
  return (await focusStop(page)).id
}
