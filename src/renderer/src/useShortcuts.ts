import { useEffect } from 'react'
import * as cmd from './commands'
import { selectPaletteShown, selectSidePanelShown, useUi } from './store/uiStore'

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
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (appShortcut(e, openFile)) return
      if (typing(e.target) || useUi.getState().galleryOpen || dialogOpen()) return
      if (e.key === '?' && !(e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        useUi.getState().setShortcutsOpen(true)
        return
      }
      if (!editShortcut(e)) canvasShortcut(e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openFile])
}

/** Save, open, interface zoom and the shortcut sheet: keys that work everywhere. True when `e` was one. */
function appShortcut(e: KeyboardEvent, openFile: () => void): boolean {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (mod && key === 's') {
    e.preventDefault()
    void cmd.save(e.shiftKey)
    return true
  }
  if (mod && key === 'o') {
    e.preventDefault()
    openFile()
    return true
  }
  // Interface zoom instead of the browser's page zoom (the canvas keeps its own zoom).
  if (mod && !e.altKey && (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_' || e.key === '0')) {
    e.preventDefault()
    useUi.getState().zoomUi(e.key === '0' ? 0 : e.key === '-' || e.key === '_' ? -1 : 1)
    return true
  }
  if (e.key === 'F1') {
    e.preventDefault()
    useUi.getState().setShortcutsOpen(true)
    return true
  }
  if (useUi.getState().shortcutsOpen) {
    if (e.key === 'Escape') useUi.getState().setShortcutsOpen(false)
    return true
  }
  return false
}

/** Ctrl/⌘ + Z, Y, C, V, D, A, Alt+N and Delete: editing the document. True when `e` was one. */
function editShortcut(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
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
  } else return false
  return true
}

/** Escape, P, F, L, [ and ]: the selection, presentation mode, the view and the panels. */
function canvasShortcut(e: KeyboardEvent): void {
  const plain = !(e.ctrlKey || e.metaKey) && !e.altKey
  const key = e.key.toLowerCase()
  const ui = useUi.getState()
  if (e.key === 'Escape') {
    ui.select([])
    ui.setRefusal(null)
    if (ui.presenting) ui.setPresenting(false)
    // A drawer over the canvas (a compact window) folds, giving the class the network back.
    if (ui.drawer) useUi.setState({ drawer: null })
  } else if (plain && key === 'p') {
    ui.setPresenting(!ui.presenting)
  } else if (plain && key === 'f') {
    cmd.fitView()
  } else if (plain && key === 'l') {
    cmd.tidy()
  } else if (plain && e.key === '[') {
    ui.setPaletteOpen(!selectPaletteShown(ui))
  } else if (plain && e.key === ']') {
    ui.setSidePanelOpen(!selectSidePanelShown(ui))
  }
}
