/**
 * Names shared by main, preload and renderer for the few messages that do not go through the
 * engine: channels are `domain:verb`, menu commands are plain ids the renderer maps to its
 * own commands. Types and constants only.
 */

export const IPC = {
  enginePorts: 'engine:ports',
  engineFailed: 'engine:failed',
  menuCommand: 'menu:command',
  /** renderer → main: whether the document has unsaved changes, a run or sweep under way, and its name (for the dialog). */
  documentState: 'document:state',
  /** main → renderer: save the document now (from the "Save changes?" dialog); answered on `documentSaved`. */
  documentSave: 'document:save',
  /** renderer → main: the page took a `documentSave` (at once: a page that does not is hung). */
  documentSaveTaken: 'document:save-taken',
  documentSaved: 'document:saved',
  /** renderer → main (invoke): native dialogs and the files they granted; see shared/files.ts. */
  fileOpen: 'file:open',
  fileSave: 'file:save',
  fileReadGranted: 'file:read-granted',
  fileReadBeside: 'file:read-beside',
  /** renderer → main (invoke): a file dropped on the window, by its path (preload: webUtils.getPathForFile); main grants it. */
  fileDropped: 'file:dropped',
  /** main → renderer: files to open together, as a drop of them (Open Recent, file association, argv, second launch): OpenedFiles. */
  fileOpened: 'file:opened',
  /** main → renderer: the text after `share=` of an axon-studio: link the OS opened the app with. */
  shareOpened: 'share:opened',
  /** renderer → main: the project file now shown (for Open Recent and the title bar). */
  fileCurrent: 'file:current',
} as const

/** What main needs to know to ask before a close, Quit or reload loses something (src/main/closeQuestion.ts). */
export interface DocumentState {
  /** True when a saved file has edits that are not in it. */
  dirty: boolean
  /** The file or network name, as the dialog shows it. */
  name: string
  /** The training run's progress ("epoch 12, iteration 480") while it has some to lose, else null. */
  run: string | null
  /** The sweep's progress ("2 of 12 runs done") while one is under way, else null. */
  sweep: string | null
}

const isShortTextOrNull = (v: unknown, max: number) => v === null || (typeof v === 'string' && v.length <= max)

export function isDocumentState(value: unknown): value is DocumentState {
  const v = value as Partial<DocumentState> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.dirty === 'boolean' &&
    typeof v.name === 'string' &&
    v.name.length <= 300 &&
    isShortTextOrNull(v.run, 200) &&
    isShortTextOrNull(v.sweep, 200)
  )
}

export const MENU_COMMANDS = [
  'new',
  'open',
  'openModel',
  'save',
  'saveAs',
  'exportPytorch',
  'exportOnnx',
  'importData',
  'exportModel',
  'examples',
  'undo',
  'redo',
  'copy',
  'paste',
  'duplicate',
  'delete',
  'selectAll',
  'tidy',
  'fitView',
  'toggleTheme',
  'train',
] as const

export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}
