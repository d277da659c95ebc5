import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate, developerToolsAllowed } from './menu'
import { MENU_COMMANDS, isMenuCommand, type MenuCommand } from '../shared/ipc'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
}

describe('desktop menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s, every menu command is reachable and sends its id', (platform) => {
    const sent: MenuCommand[] = []
    const items = flatten(buildMenuTemplate(platform, (c) => sent.push(c)))
    for (const i of items) (i.click as (() => void) | undefined)?.()
    expect([...new Set(sent)].sort()).toEqual([...MENU_COMMANDS].sort())
  })

  it('has no two items with the same accelerator', () => {
    const accelerators = flatten(buildMenuTemplate('linux', () => {}))
      .map((i) => i.accelerator)
      .filter(Boolean)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('leaves keys the page handles (and text fields need) to the page', () => {
    const byLabel = new Map(flatten(buildMenuTemplate('linux', () => {})).map((i) => [i.label, i]))
    expect(byLabel.get('Copy')?.registerAccelerator).toBe(false)
    expect(byLabel.get('Undo')?.registerAccelerator).toBe(false)
    expect(byLabel.get('Train')?.registerAccelerator).toBe(true)
  })

  it('puts the app menu first only on macOS', () => {
    expect(buildMenuTemplate('darwin', () => {})[0].role).toBe('appMenu')
    expect(buildMenuTemplate('linux', () => {})[0].label).toBe('&File')
  })

  it('has Reload and DevTools only when developer tools are allowed (packaged: with --enable-devtools)', () => {
    const roles = (developerTools: boolean) => flatten(buildMenuTemplate('win32', () => {}, { developerTools })).map((i) => i.role)
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('forceReload')
    expect(developerToolsAllowed(false, [])).toBe(true)
    expect(developerToolsAllowed(true, ['Axon Studio.exe'])).toBe(false)
    expect(developerToolsAllowed(true, ['Axon Studio.exe', '--enable-devtools'])).toBe(true)
  })

  it('lists recent projects newest first; choosing one asks main to open it', () => {
    const opened: string[] = []
    let cleared = false
    const items = flatten(buildMenuTemplate('linux', () => {}, { recent: ['/a/x.axon.json', '/b/R&D.axon.json'], openRecent: (p) => opened.push(p), clearRecent: () => (cleared = true) }))
    const recent = items.find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[]
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['/a/x.axon.json', '/b/R&&D.axon.json', 'separator', 'Clear Recent'])
    ;(recent[1].click as () => void)()
    ;(recent[3].click as () => void)()
    expect(opened).toEqual(['/b/R&D.axon.json'])
    expect(cleared).toBe(true)
    const empty = flatten(buildMenuTemplate('linux', () => {})).find((i) => i.label === 'Clear Recent')!
    expect(empty.enabled).toBe(false)
  })

  it('recognises only known commands', () => {
    expect(isMenuCommand('save')).toBe(true)
    expect(isMenuCommand('rm -rf')).toBe(false)
    expect(isMenuCommand(42)).toBe(false)
  })
})
