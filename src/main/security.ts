/**
 * Window hardening, after Electron's security checklist: the renderer is sandboxed and
 * isolated, may not navigate or be redirected away from the app, may not open windows, and is
 * granted no permission (camera, notifications, …: the app needs none).
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'

export function secureWebPreferences(preload: string, options: { devTools?: boolean } = {}): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    devTools: options.devTools ?? true,
  }
}

/**
 * True when `url` is the app's own page: the same scheme and host as the app (the dev server in
 * development, app://axon otherwise); for file: URLs the same file.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    if (target.protocol !== app.protocol || target.host !== app.host) return false
    return target.protocol !== 'file:' || target.pathname === app.pathname
  } catch {
    return false
  }
}

type NavigationGuard = (event: { preventDefault(): void }, url: string) => void

export function lockDownNavigation(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, appUrl: string): void {
  const guard: NavigationGuard = (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/**
 * The session's spell checker off: `spellcheck: false` in a window's preferences is not enough,
 * since on Windows and Linux the session may still fetch Hunspell dictionaries from Google's CDN
 * for the OS language (electron/electron#22995), a connection an offline classroom app must not make.
 */
export function disableSpellChecker(session: Pick<Session, 'setSpellCheckerEnabled'>): void {
  session.setSpellCheckerEnabled(false)
}

/** Every permission request is refused and every check answers no. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
