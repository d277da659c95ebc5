/**
 * Keyboard focus for a modal dialog: it moves into the dialog when it opens (its first control),
 * Tab and Shift+Tab go round inside it, and when it closes focus goes back to where it was (unless
 * the dialog's action put it somewhere, e.g. on the canvas). Without this, a keyboard user's Tab
 * walked the toolbar behind the open examples gallery and never reached an example.
 */
import { useEffect, type RefObject } from 'react'

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'

function focusablesIn(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => !e.hasAttribute('disabled') && e.getClientRects().length > 0)
}

export function useDialogFocus(dialog: RefObject<HTMLElement | null>, open: boolean): void {
  useEffect(() => {
    const box = dialog.current
    if (!open || !box) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!box.contains(document.activeElement)) focusablesIn(box)[0]?.focus({ preventScroll: true })
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return
      const list = focusablesIn(box)
      if (list.length === 0) return
      const [first, last] = [list[0], list[list.length - 1]]
      const at = document.activeElement
      const wrap = !box.contains(at) ? (e.shiftKey ? last : first) : e.shiftKey && at === first ? last : !e.shiftKey && at === last ? first : null
      if (!wrap) return
      e.preventDefault()
      wrap.focus()
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      const lost = !document.activeElement || document.activeElement === document.body
      if (lost && before?.isConnected) before.focus({ preventScroll: true })
    }
  }, [dialog, open])
}
