/**
 * The toolbar's rows within a budget: at a projector's 683 × 512 with the interface at 150–200 %
 * its commands wrapped onto three or four rows, 284 px of 512, and left the canvas 168 px. Where
 * the commands take more rows than the budget, the least needed go, one at a time, into the
 * toolbar's ⋯ menu, until they fit (or only Present and Train are left).
 */
import { useEffect, useState, type RefObject } from 'react'

/** The commands that may go into ⋯, the first to go first. Present and Train always stay. */
export const OVERFLOW_ORDER = [
  'cmd-experiments',
  'cmd-shortcuts',
  'cmd-theme',
  'cmd-layout',
  'cmd-share',
  'cmd-open',
  'cmd-new',
  'cmd-more',
  'cmd-save',
  'cmd-redo',
  'cmd-undo',
  'cmd-fit',
  'cmd-examples',
] as const

/** The toolbar may take this share of the window's height: two rows at 683 × 512 at 100 %, one from 150 %. */
const HEIGHT_SHARE = 0.15

/** The element that goes with a command: its menu's wrapper for More ▾, else its button. */
const itemOf = (bar: HTMLElement, id: string) => {
  const button = bar.querySelector<HTMLElement>(`[data-testid="${id}"]`)
  return id === 'cmd-more' ? (button?.closest<HTMLElement>('.toolbar-menu') ?? null) : button
}

/** How many rows the toolbar's visible buttons lie on (middles within 8 px share one). */
function rowsOf(bar: HTMLElement): number {
  const middles = [...bar.querySelectorAll<HTMLElement>('button')]
    .filter((b) => b.offsetParent !== null && !b.closest('[role="menu"], [role="dialog"], .modal-backdrop'))
    .map((b) => {
      const r = b.getBoundingClientRect()
      return r.top + r.height / 2
    })
    .sort((a, b) => a - b)
  return middles.filter((m, i) => i === 0 || m - middles[i - 1] > 8).length
}

/**
 * Hides (data-overflowed) the commands that do not fit the toolbar's row budget and returns their
 * test ids, in OVERFLOW_ORDER. `more` is the ⋯ menu's wrapper, shown only while it holds some.
 */
export function fitToolbar(bar: HTMLElement, more: HTMLElement): string[] {
  for (const el of bar.querySelectorAll('[data-overflowed]')) el.removeAttribute('data-overflowed')
  more.setAttribute('data-overflowed', '')
  const train = bar.querySelector<HTMLElement>('[data-testid="train-button"]')
  const rowHeight = train?.getBoundingClientRect().height ?? 0
  if (rowHeight === 0) return []
  const allowed = Math.max(1, Math.floor((HEIGHT_SHARE * window.innerHeight) / rowHeight))
  if (rowsOf(bar) <= allowed) return []
  more.removeAttribute('data-overflowed')
  const hidden: string[] = []
  for (const id of OVERFLOW_ORDER) {
    if (rowsOf(bar) <= allowed) break
    const item = itemOf(bar, id)
    // Presenting hides some commands already: they are not the toolbar's to move.
    if (!item || item.offsetParent === null) continue
    item.setAttribute('data-overflowed', '')
    hidden.push(id)
  }
  return hidden
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Keeps the toolbar (`bar`) within its rows as the window, the interface zoom or its contents
 * change; returns the commands moved into ⋯. Measured on the next frame, outside the observer's
 * callback, so hiding a command never re-enters it (a ResizeObserver loop error).
 */
export function useToolbarOverflow(bar: RefObject<HTMLElement | null>, more: RefObject<HTMLElement | null>): string[] {
  const [hidden, setHidden] = useState<string[]>([])
  useEffect(() => {
    const el = bar.current
    if (!el) return
    let frame = 0
    let width = -1
    const fit = () => {
      frame = 0
      // Not while a menu or a command's dialog is open: hiding its button a moment would take the focus from it.
      if (!bar.current || !more.current || bar.current.querySelector('[role="menu"], [role="dialog"], .modal-backdrop')) return
      const next = fitToolbar(bar.current, more.current)
      setHidden((now) => (sameList(now, next) ? now : next))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(fit)
    }
    // The bar's width follows the window and the zoom; its height follows what fitting hides, so only a new width refits.
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width) return
      width = el.clientWidth
      schedule()
    })
    observer.observe(el)
    // Train ↔ Pause changes the width of the one command that always stays.
    const train = el.querySelector('[data-testid="train-button"]')
    const trainObserver = new ResizeObserver(schedule)
    if (train) trainObserver.observe(train)
    window.addEventListener('resize', schedule)
    // Presenting, a lesson or the theme change which buttons show and how wide they are.
    const changes = new MutationObserver(schedule)
    changes.observe(el, { subtree: true, childList: true })
    const app = el.closest('.app')
    const appChanges = new MutationObserver(schedule)
    if (app) appChanges.observe(app, { attributes: true, attributeFilter: ['class'] })
    // The interface zoom (--ui-zoom on the root).
    appChanges.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] })
    return () => {
      observer.disconnect()
      trainObserver.disconnect()
      changes.disconnect()
      appChanges.disconnect()
      window.removeEventListener('resize', schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [bar, more])
  return hidden
}
