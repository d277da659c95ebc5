/**
 * Which live views are in sight, as bookkeeping without the DOM (unit-tested): every element
 * that draws a view is an entry, in sight or not as its IntersectionObserver last said; a view
 * is shown while at least one of its entries is in sight, or held (a view not drawn yet has no
 * size to be in sight by: it is computed once to find out), and the page itself is visible (a
 * browser tab in the background shows nothing). `shownViews.ts` feeds it from the page.
 */
import { VIEW_IDS, type ViewId } from '../../../engine/views/registry'

export class ViewVisibility {
  private readonly entries = new Map<object, { id: ViewId; inSight: boolean; held: boolean }>()
  private pageVisible = true

  /** Start counting `key` (an element) as drawing view `id`; out of sight until it is observed, shown meanwhile when `held`. */
  add(key: object, id: ViewId, held = false): void {
    this.entries.set(key, { id, inSight: false, held })
  }

  /** Count `key` as shown whatever its sight (`held`), or by its sight again; returns whether that changed the shown views. */
  setHeld(key: object, held: boolean): boolean {
    return this.change(key, (e) => (e.held = held))
  }

  /** Stop counting `key` (its element unmounted). */
  remove(key: object): void {
    this.entries.delete(key)
  }

  /** What the observer says of `key` now; returns whether that changed the shown views. */
  setInSight(key: object, inSight: boolean): boolean {
    return this.change(key, (e) => (e.inSight = inSight))
  }

  private change(key: object, edit: (entry: { inSight: boolean; held: boolean }) => void): boolean {
    const entry = this.entries.get(key)
    if (!entry) return false
    const before = this.shown().join(' ')
    edit(entry)
    return this.shown().join(' ') !== before
  }

  /** The page visible or not (`document.visibilityState`). */
  setPageVisible(visible: boolean): void {
    this.pageVisible = visible
  }

  /** The view `key` draws (undefined for an element not counted). */
  viewOf(key: object): ViewId | undefined {
    return this.entries.get(key)?.id
  }

  /** Whether `key` is in sight (false for an element not counted). */
  inSight(key: object): boolean {
    return this.entries.get(key)?.inSight ?? false
  }

  /** The views shown now, in registry order. */
  shown(): ViewId[] {
    if (!this.pageVisible) return []
    const inSight = new Set<ViewId>()
    for (const e of this.entries.values()) if (e.inSight || e.held) inSight.add(e.id)
    return VIEW_IDS.filter((id) => inSight.has(id))
  }
}

/**
 * Calls `send` once `delayMs` after the last `schedule()` of a burst (the views go in and out
 * of sight while a panel scrolls; the engine hears the state it settles in, not each step).
 */
export function debounced(send: () => void, delayMs: number, timers: { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void } = { set: (f, ms) => setTimeout(f, ms), clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) }): () => void {
  let timer: unknown = null
  return () => {
    if (timer !== null) timers.clear(timer)
    timer = timers.set(() => {
      timer = null
      send()
    }, delayMs)
  }
}
