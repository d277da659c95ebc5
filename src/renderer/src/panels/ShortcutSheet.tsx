import { useRef } from 'react'
import { useUi } from '../store/uiStore'
import { useDialogFocus } from './useDialogFocus'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = isMac ? '⌘' : 'Ctrl'

/** Every keyboard shortcut, grouped as a teacher looks for them (the same list `useShortcuts` handles). */
export const SHORTCUTS: { group: string; keys: [string, string][] }[] = [
  {
    group: 'File',
    keys: [
      [`${MOD} Alt N`, 'New network'],
      [`${MOD} O`, 'Open a project'],
      [`${MOD} S`, 'Save'],
      [`${MOD} Shift S`, 'Save as'],
    ],
  },
  {
    group: 'Edit',
    keys: [
      [`${MOD} Z`, 'Undo'],
      [`${MOD} Shift Z / ${MOD} Y`, 'Redo'],
      [`${MOD} C / ${MOD} V`, 'Copy / paste the selected nodes'],
      [`${MOD} D`, 'Duplicate the selected nodes'],
      [`${MOD} A`, 'Select everything'],
      ['Delete', 'Delete the selection'],
      ['Esc', 'Clear the selection, close a dialog'],
    ],
  },
  {
    group: 'View',
    keys: [
      ['F', 'Fit the network in view'],
      ['L', 'Tidy the layout'],
      ['[  /  ]', 'Fold or unfold the palette / the side panel'],
      ['P', 'Presentation mode (canvas beside large live views)'],
      [`${MOD} +  /  ${MOD} −`, 'Interface larger / smaller'],
      [`${MOD} 0`, 'Interface at normal size'],
      ['?  or  F1', 'This sheet'],
    ],
  },
]

/** The shortcut sheet: opened with ? or F1, closed with Esc, the × or a click outside. */
export function ShortcutSheet() {
  const open = useUi((s) => s.shortcutsOpen)
  const box = useRef<HTMLDivElement>(null)
  useDialogFocus(box, open)
  if (!open) return null
  const close = () => useUi.getState().setShortcutsOpen(false)
  return (
    <div className="modal-backdrop shortcut-backdrop" onClick={close}>
      <div ref={box} className="shortcut-sheet" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="shortcut-sheet" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="icon-button" aria-label="Close" data-testid="shortcut-sheet-close" onClick={close}>
            ×
          </button>
        </header>
        <div className="shortcut-groups">
          {SHORTCUTS.map((g) => (
            <section key={g.group}>
              <h3>{g.group}</h3>
              <dl>
                {g.keys.map(([keys, what]) => (
                  <div key={keys}>
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  )
}
