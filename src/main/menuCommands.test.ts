import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate } from './menu'
import { createMenuCommands, type MenuWindow } from './menuCommands'
import { createLaunchQueue, showWindow } from './launchFiles'
import type { MenuCommand } from '../shared/ipc'

/** main's wiring, with a fake window: menu clicks, Open Recent's launch queue, and the window made on demand. */
function macApp() {
  const log: string[] = []
  let win: (MenuWindow & { minimized: boolean }) | null = null
  let windows = 0
  const createWindow = () => {
    const n = ++windows
    log.push(`window ${n}`)
    win = {
      minimized: false,
      isMinimized: () => win!.minimized,
      restore: () => void log.push(`restore ${n}`),
      focus: () => void log.push(`focus ${n}`),
      send: (command) => void log.push(`${command} → page ${n}`),
    }
  }
  let ready = true
  const menu = createMenuCommands({ window: () => win, mayCreate: () => ready, createWindow })
  const launches = createLaunchQueue((paths) => void log.push(`open ${paths.join(' + ')} → page ${windows}`), () => showWindow(win, ready, createWindow), (flush) => flush())
  const template = buildMenuTemplate('darwin', menu.send, { recent: ['/class/xor.axon.json'], openRecent: (path) => launches.request(path) })
  const items = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])])
  const click = (label: string) => (items(template).find((i) => i.label === label)!.click as () => void)()
  return {
    log,
    click,
    /** The window's page loaded (did-finish-load). */
    pageLoaded: () => (menu.pageReady(), launches.pageReady()),
    /** The last window closed; macOS runs on. */
    closeWindow: () => ((win = null), menu.pageGone(), launches.pageGone()),
    minimise: () => void (win!.minimized = true),
    quitting: () => void (ready = false),
  }
}

/** The app after its first window's page loaded and that window closed (macOS runs on); the log empty. */
function macAppWindowClosed() {
  const app = macApp()
  app.click('Train')
  app.pageLoaded()
  app.closeWindow()
  app.log.length = 0
  return app
}

describe('menu commands', () => {
  it('go to the open window’s page at once', () => {
    const app = macApp()
    app.click('Open Example…')
    expect(app.log).toEqual(['window 1'])
    app.pageLoaded()
    app.log.length = 0
    app.click('Train')
    expect(app.log).toEqual(['focus 1', 'train → page 1'])
  })

  it.each([
    ['New Network', 'new'],
    ['Open…', 'open'],
    ['Open Example…', 'examples'],
    ['Open Model…', 'openModel'],
  ] as Array<[string, MenuCommand]>)('macOS with every window closed: File ▸ %s makes a window and is sent once its page listens (fails on the old code)', (label, command) => {
    const app = macAppWindowClosed()
    app.click(label)
    expect(app.log).toEqual(['window 2'])
    app.pageLoaded()
    expect(app.log).toEqual(['window 2', `${command} → page 2`])
  })

  it('macOS with every window closed: File ▸ Open Recent makes a window and opens the file in it', () => {
    const app = macAppWindowClosed()
    app.click('/class/xor.axon.json')
    expect(app.log).toEqual(['window 2'])
    app.pageLoaded()
    expect(app.log).toEqual(['window 2', 'open /class/xor.axon.json → page 2'])
  })

  it('reach a minimised window (restored for it), not only a focused one (fails on the old code)', () => {
    const app = macApp()
    app.click('Train')
    app.pageLoaded()
    app.minimise()
    app.log.length = 0
    app.click('New Network')
    expect(app.log).toEqual(['restore 1', 'focus 1', 'new → page 1'])
  })

  it('make no window while the app quits', () => {
    const app = macAppWindowClosed()
    app.quitting()
    app.click('New Network')
    expect(app.log).toEqual([])
  })
})
