/**
 * A toolbar button that drops a menu of commands ("More ▾"), as the WAI-ARIA menu button
 * pattern has it: Enter, Space or ↓ open it at its first command (↑ at its last), ↑ ↓ Home End
 * move, Enter runs, Escape closes it with the focus back on the button, Tab or a click elsewhere
 * closes it. It keeps the rarer file commands one click away, so the toolbar fits a projector's
 * 1024 × 768 with the browser at 150 % (683 px) in two rows.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import './toolbarMenu.css'

export interface ToolbarMenuItem {
  testId: string
  label: string
  title: string
  run: () => void
  /** Its keyboard shortcut, as the toolbar's tooltips write it (Ctrl+Shift+S). */
  shortcut?: string
  /** Starts a new group: a rule above it. */
  group?: boolean
}

/** Which item takes the focus when the menu opens: the first (click, Enter, ↓) or the last (↑). */
type Opening = 'first' | 'last'

export function ToolbarMenu({ label, title, testId, items }: { label: string; title: string; testId: string; items: ToolbarMenuItem[] }) {
  const [open, setOpen] = useState<Opening | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const entries = () => [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]

  useEffect(() => {
    if (!open) return
    const list = entries()
    list[open === 'first' ? 0 : list.length - 1]?.focus()
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(null)
    }
    document.addEventListener('pointerdown', onPointer, true)
    return () => document.removeEventListener('pointerdown', onPointer, true)
  }, [open])

  const close = () => {
    setOpen(null)
    button.current?.focus()
  }
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    setOpen(e.key === 'ArrowDown' ? 'first' : 'last')
  }
  const onMenuKey = (e: KeyboardEvent) => {
    const list = entries()
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key]
    if (to !== undefined) {
      e.preventDefault()
      list[(to + list.length) % list.length]?.focus()
    } else if (e.key === 'Escape') {
      // Not the window's Escape too (it clears the canvas's selection).
      e.stopPropagation()
      close()
    } else if (e.key === 'Tab') setOpen(null)
  }
  return (
    <div className="toolbar-menu" ref={root}>
      <button
        type="button"
        ref={button}
        data-testid={testId}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        title={title}
        onClick={() => (open ? setOpen(null) : setOpen('first'))}
        onKeyDown={onButtonKey}
      >
        {label} ▾
      </button>
      {open && (
        <div className="toolbar-menu-items" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.testId}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={item.group ? 'starts-group' : undefined}
              data-testid={item.testId}
              title={item.title}
              aria-keyshortcuts={item.shortcut?.replace('⌘', 'Meta+')}
              onClick={() => {
                close()
                item.run()
              }}
            >
              {item.label}
              {item.shortcut && <kbd className="toolbar-menu-key">{item.shortcut}</kbd>}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
