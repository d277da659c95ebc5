/**
 * Window hardening, after Electron's security checklist: the renderer is sandboxed and
 * isolated, may not navigate away from the app, and may not open windows.
 */
import type { BrowserWindowConstructorOptions, WebContents } from 'electron'

export function secureWebPreferences(preload: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
  }
}

/** True when `url` is the app's own page (the dev server in development, the packaged file otherwise). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    return target.origin === app.origin && (target.protocol !== 'file:' || target.pathname === app.pathname)
  } catch {
    return false
  }
}

export function lockDownNavigation(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
