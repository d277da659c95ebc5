/**
 * Where a menu click goes: to the app window's page, as a `menu:command`. macOS keeps the app
 * running with its last window closed, and its menu bar stays: File ▸ New, Open… or Open
 * Example… then make a window first, and the command waits until that window's page listens
 * (as files the OS names do: launchFiles.ts). The window is the app's one window, not the
 * focused one: a minimised window is restored for it instead of the click doing nothing.
 */
import type { MenuCommand } from '../shared/ipc'
import { createLaunchQueue, showWindow, type ShownWindow } from './launchFiles'

export interface MenuWindow extends ShownWindow {
  send(command: MenuCommand): void
}

export interface MenuCommandsDeps {
  /** The app's window, or null when it is closed (macOS). */
  window(): MenuWindow | null
  /** A window may be made now (the app is ready and not quitting). */
  mayCreate(): boolean
  createWindow(): void
}

export interface MenuCommands {
  /** A menu item was clicked. */
  send(command: MenuCommand): void
  /** The window's page loaded and listens. */
  pageReady(): void
  /** The page is reloading or its window closed. */
  pageGone(): void
  /** Hold clicks while the window asks whether to close (see LaunchQueue.hold). */
  hold(on: boolean): void
  /** Clicks that have not reached a page. */
  pending(): string[]
}

export function createMenuCommands(deps: MenuCommandsDeps): MenuCommands {
  const queue = createLaunchQueue(
    (commands) => commands.forEach((command) => deps.window()?.send(command as MenuCommand)),
    () => showWindow(deps.window(), deps.mayCreate(), deps.createWindow),
    // A click is one command: nothing to gather, it goes as soon as a page listens.
    (flush) => flush(),
  )
  return { send: (command) => queue.request(command), pageReady: queue.pageReady, pageGone: queue.pageGone, hold: queue.hold, pending: queue.pending }
}
