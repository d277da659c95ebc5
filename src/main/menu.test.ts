import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate } from './menu'
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

  it('recognises only known commands', () => {
    expect(isMenuCommand('save')).toBe(true)
    expect(isMenuCommand('rm -rf')).toBe(false)
    expect(isMenuCommand(42)).toBe(false)
  })
})
