/**
 * Share links on the desktop: the app registers itself as the handler of `axon-studio:` URLs
 * (`axon-studio://open#share=v1.…`, what the app's Share button gives there), and takes the
 * share text out of a link the OS opens it with: on the command line (Windows and Linux, also
 * forwarded by a second launch) or in macOS's `open-url` event. The page reads the text as the
 * browser build reads its `#share=…` (src/engine/project/share.ts). Electron-free, unit-tested.
 */
import { resolve } from 'node:path'

export const SHARE_SCHEME = 'axon-studio'

/** Longer texts are not a share link the app made (its links stop at 60,000 characters). */
const MAX_TEXT = 100_000

/** The text after `share=` of an `axon-studio:` link (in its fragment or its query), or null. */
export function shareTextOfUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_TEXT || !url.toLowerCase().startsWith(`${SHARE_SCHEME}:`)) return null
  const match = /[#?&]share=([^&#]+)/.exec(url)
  return match ? match[1] : null
}

/** The share texts among a command line's arguments (the first, the executable, is skipped). */
export function shareTextsFromArgv(argv: readonly string[]): string[] {
  return argv.slice(1).map(shareTextOfUrl).filter((text): text is string => text !== null)
}

/**
 * The arguments of `app.setAsDefaultProtocolClient`: an installed app registers itself; run from
 * source (`electron .`, `process.defaultApp`) the OS must start Electron with the app's path.
 */
export function protocolClientArgs(defaultApp: boolean, execPath: string, appPath: string | undefined): { scheme: string; path?: string; args?: string[] } {
  return defaultApp && appPath ? { scheme: SHARE_SCHEME, path: execPath, args: [resolve(appPath)] } : { scheme: SHARE_SCHEME }
}
