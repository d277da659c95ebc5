import { describe, expect, it } from 'vitest'
import type { Session, WebContents } from 'electron'
import { denyAllPermissions, disableSpellChecker, isAppUrl, lockDownNavigation, secureWebPreferences } from './security'

describe('window security', () => {
  it('keeps the sandbox and isolation on', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true })
    expect(secureWebPreferences('/p.cjs', { devTools: false })).toMatchObject({ devTools: false })
  })

  it.each([
    ['http://localhost:5173/index.html', 'http://localhost:5173/', true],
    ['https://example.com/', 'http://localhost:5173/', false],
    ['app://axon/index.html', 'app://axon/index.html', true],
    ['app://axon/other.html', 'app://axon/index.html', true],
    ['app://evil/index.html', 'app://axon/index.html', false],
    ['evil://axon/index.html', 'app://axon/index.html', false],
    ['file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html', true],
    ['file:///etc/passwd', 'file:///app/out/renderer/index.html', false],
    ['file:///etc/passwd', 'app://axon/index.html', false],
    ['not a url', 'http://localhost:5173/', false],
  ])('isAppUrl(%s) is %s', (url, app, expected) => {
    expect(isAppUrl(url, app)).toBe(expected)
  })

  it('locks navigation and redirects to the app, and denies new windows', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>()
    let windowOpen: (() => { action: string }) | null = null
    const contents = {
      on: (name: string, handler: (event: { preventDefault(): void }, url: string) => void) => void handlers.set(name, handler),
      setWindowOpenHandler: (handler: () => { action: string }) => void (windowOpen = handler),
    } as unknown as WebContents
    lockDownNavigation(contents, 'app://axon/index.html')
    for (const name of ['will-navigate', 'will-redirect']) {
      const tried = (url: string) => {
        let prevented = false
        handlers.get(name)!({ preventDefault: () => void (prevented = true) }, url)
        return prevented
      }
      expect(tried('https://example.com/')).toBe(true)
      expect(tried('app://axon/index.html')).toBe(false)
    }
    expect(windowOpen!()).toEqual({ action: 'deny' })
  })

  it("turns the session's spell checker off, so no dictionary is fetched (fails on the old code: left on)", () => {
    const calls: boolean[] = []
    disableSpellChecker({ setSpellCheckerEnabled: (enabled: boolean) => void calls.push(enabled) })
    expect(calls).toEqual([false])
  })

  it('denies every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
    let check: ((...args: unknown[]) => boolean) | null = null
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
    } as unknown as Session)
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null
      request!(null, permission, (g) => (granted = g))
      expect(granted).toBe(false)
      expect(check!(null, permission, 'app://axon')).toBe(false)
    }
  })
})
