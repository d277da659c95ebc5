/**
 * Names shared by main, preload and renderer for the few messages that do not go through the
 * engine: channels are `domain:verb`, menu commands are plain ids the renderer maps to its
 * own commands. Types and constants only.
 */

export const IPC = {
  enginePorts: 'engine:ports',
  engineFailed: 'engine:failed',
  menuCommand: 'menu:command',
} as const

export const MENU_COMMANDS = [
  'new',
  'open',
  'openModel',
  'save',
  'saveAs',
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
