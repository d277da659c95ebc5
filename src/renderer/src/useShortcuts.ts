import { useEffect } from 'react'
import { useReactFlow } from '@xyflow/react'
import { fitOptions } from './canvas/fit'
import * as cmd from './commands'
import { useUi } from './store/uiStore'

/** Whether the key went to a text field (then shortcuts other than save leave it alone). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  // A ticked checkbox or a pressed button keeps the focus but takes no text.
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type)
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable
}

/** Whether a dialog (data, step-through) has the keyboard: single-key shortcuts leave it alone. */
function dialogOpen(): boolean {
  return document.querySelector('.modal-backdrop, .step-through-backdrop') !== null
}

/**
 * Keyboard shortcuts: Ctrl/⌘ + Z (undo), Shift+Z or Y (redo), C, V, D (duplicate), A (select
 * all), S (save; with Shift: save as), O (open); Delete/Backspace; F (fit), L (tidy layout);
 * [ and ] hide or show the palette and the side panel; P presentation mode; Ctrl/⌘ + / − / 0
 * interface zoom; ? or F1 the shortcut sheet (`panels/ShortcutSheet.tsx` lists them all).
 */
export function useShortcuts(openFile: () => void): void {
  const { fitView } = useReactFlow()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 's') {
        e.preventDefault()
        void cmd.save(e.shiftKey)
        return
      }
      if (mod && key === 'o') {
        e.preventDefault()
        openFile()
        return
      }
      // Interface zoom instead of the browser's page zoom (the canvas keeps its own zoom).
      if (mod && !e.altKey && (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_' || e.key === '0')) {
        e.preventDefault()
        useUi.getState().zoomUi(e.key === '0' ? 0 : e.key === '-' || e.key === '_' ? -1 : 1)
        return
      }
      if (e.key === 'F1') {
        e.preventDefault()
        useUi.getState().setShortcutsOpen(true)
        return
      }
      if (useUi.getState().shortcutsOpen) {
        if (e.key === 'Escape') useUi.getState().setShortcutsOpen(false)
        return
      }
      if (typing(e.target) || useUi.getState().galleryOpen || dialogOpen()) return
      if (e.key === '?' && !mod) {
        e.preventDefault()
        useUi.getState().setShortcutsOpen(true)
        return
      }
      if (mod && key === 'z') {
        e.preventDefault()
        if (e.shiftKey) cmd.redo()
        else cmd.undo()
      } else if (mod && key === 'y') {
        e.preventDefault()
        cmd.redo()
      } else if (mod && key === 'c') {
        cmd.copySelection()
      } else if (mod && key === 'v') {
        e.preventDefault()
        cmd.paste()
      } else if (mod && key === 'd') {
        e.preventDefault()
        cmd.duplicateSelection()
      } else if (mod && key === 'a') {
        e.preventDefault()
        cmd.selectAll()
      } else if (mod && e.altKey && key === 'n') {
        e.preventDefault()
        cmd.newProject()
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault()
        cmd.deleteSelection()
      } else if (e.key === 'Escape') {
        useUi.getState().select([])
        useUi.getState().setRefusal(null)
        if (useUi.getState().presenting) useUi.getState().setPresenting(false)
      } else if (!mod && !e.altKey && key === 'p') {
        useUi.getState().setPresenting(!useUi.getState().presenting)
      } else if (!mod && !e.altKey && key === 'f') {
        void fitView(fitOptions(200))
      } else if (!mod && !e.altKey && key === 'l') {
        cmd.tidy()
        setTimeout(() => void fitView(fitOptions(200)), 30)
      } else if (!mod && !e.altKey && e.key === '[') {
        useUi.getState().setPaletteOpen(!useUi.getState().paletteOpen)
      } else if (!mod && !e.altKey && e.key === ']') {
        useUi.getState().setSidePanelOpen(!useUi.getState().sidePanelOpen)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [fitView, openFile])
}
