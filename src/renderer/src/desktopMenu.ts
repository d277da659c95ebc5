/**
 * Desktop only: runs the command a native menu item sends (see src/main/menu.ts). In the
 * browser build there is no `axonDesktop` bridge and this does nothing.
 */
import type { MenuCommand } from '../../shared/ipc'
import * as cmd from './commands'
import { useUi } from './store/uiStore'
import { openModelDialog, openProjectDialog } from './files/desktopDocument'
import { exportOnnxModel, exportPytorchScript } from './files/exports'
import { isDesktopFiles, pickDataFiles } from './files/desktopFiles'
import { openDataDialog, openDataFiles } from './data/dataStore'
import { exportModelNow } from './training/timeMachine'

/** Import Data: main's dialog on desktop (the files keep their paths), else the data panel. */
async function importData(): Promise<void> {
  if (!isDesktopFiles()) return openDataDialog('files')
  const files = await pickDataFiles()
  if (files) await openDataFiles(files)
}

interface MenuBridge {
  onMenuCommand?(listener: (command: MenuCommand) => void): void
}

/** The menu exists only on desktop, where main's native dialog always opens: no page fallback. */
const noFallback = (): void => {}

const handlers: Record<MenuCommand, () => void> = {
  new: cmd.newProject,
  // Main's native dialog: a menu click is no user gesture, so the page's file input may not open.
  open: () => void openProjectDialog(noFallback),
  openModel: () => void openModelDialog(noFallback),
  save: () => void cmd.save(false),
  saveAs: () => void cmd.save(true),
  exportPytorch: () => void exportPytorchScript(),
  exportOnnx: () => void exportOnnxModel(),
  importData: () => void importData(),
  exportModel: () => void exportModelNow(),
  examples: () => useUi.getState().setGalleryOpen(true),
  undo: cmd.undo,
  redo: cmd.redo,
  copy: cmd.copySelection,
  paste: cmd.paste,
  duplicate: cmd.duplicateSelection,
  delete: cmd.deleteSelection,
  selectAll: cmd.selectAll,
  tidy: cmd.tidy,
  fitView: cmd.fitView,
  toggleTheme: cmd.toggleTheme,
  train: cmd.train,
}

export function listenToDesktopMenu(): void {
  const bridge = (window as unknown as { axonDesktop?: MenuBridge }).axonDesktop
  bridge?.onMenuCommand?.((command) => handlers[command]?.())
}
