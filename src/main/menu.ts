/**
 * The desktop menu bar. Editing commands are sent to the renderer as `menu:command` ids (the
 * renderer owns the document and its undo history); window and app items use Electron roles.
 * Pure: returns the template, so it can be tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc'

/** The command-line switch that gives a packaged app Reload and DevTools (for teachers who debug). */
export const DEVTOOLS_SWITCH = '--enable-devtools'

/** Reload and DevTools: always from source, in the packaged app only with the switch. */
export function developerToolsAllowed(isPackaged: boolean, argv: readonly string[]): boolean {
  return !isPackaged || argv.includes(DEVTOOLS_SWITCH)
}

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  options: { developerTools?: boolean; recent?: readonly string[]; openRecent?: (path: string) => void; clearRecent?: () => void } = {},
): MenuItemConstructorOptions[] {
  const recent = options.recent ?? []
  const recentMenu: MenuItemConstructorOptions[] = [
    ...recent.map((path) => ({ label: path.replaceAll('&', '&&'), click: () => options.openRecent?.(path) })),
    ...(recent.length ? [{ type: 'separator' as const }] : []),
    { label: 'Clear Recent', enabled: recent.length > 0, click: () => options.clearRecent?.() },
  ]
  const developer: MenuItemConstructorOptions[] = options.developerTools === false ? [] : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }]
  // `page`: the renderer already handles this key itself (and leaves it to text fields when
  // they have focus), so the menu only displays the accelerator instead of capturing it.
  const item = (label: string, command: MenuCommand, accelerator?: string, page = false): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: !page,
    click: () => send(command),
  })
  const mac = platform === 'darwin'
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Network', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O', true),
        { label: 'Open Recent', submenu: recentMenu },
        item('Open Example…', 'examples', 'CmdOrCtrl+Shift+E'),
        item('Open Model…', 'openModel'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S', true),
        item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S', true),
        { type: 'separator' },
        item('Import Data…', 'importData'),
        {
          label: 'Export',
          submenu: [item('Trained Model (JSON)…', 'exportModel'), item('PyTorch Script…', 'exportPytorch'), item('ONNX Model…', 'exportOnnx')],
        },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      // Our own undo/redo, not the text-field roles: every canvas edit is in the document's history.
      label: '&Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z', true),
        item('Redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', true),
        { type: 'separator' },
        item('Copy', 'copy', 'CmdOrCtrl+C', true),
        item('Paste', 'paste', 'CmdOrCtrl+V', true),
        item('Duplicate', 'duplicate', 'CmdOrCtrl+D', true),
        item('Delete', 'delete', 'Delete', true),
        item('Select All', 'selectAll', 'CmdOrCtrl+A', true),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Tidy Layout', 'tidy', 'L', true),
        item('Fit to Window', 'fitView', 'F', true),
        item('Light / Dark Theme', 'toggleTheme'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { label: '&Network', submenu: [item('Train', 'train', 'CmdOrCtrl+Enter')] },
    { role: 'windowMenu' },
  ]
}
