/**
 * Share links on the desktop: the app registers itself as the handler of `axon-studio:` URLs
 * (`axon-studio://open#share=v1.…`, what the app's Share button gives there), and takes the
 * share text out of a link the OS opens it with: on the command line (Windows and Linux, also
 * forwarded by a second launch) or in macOS's `open-url` event. A browser build's link
 * (`https://…/#share=v1.…`) given on the command line opens too: both carry the same text
 * (src/shared/shareLinkText.ts). The page reads the text as the browser build reads its
 * `#share=…` (src/engine/project/share.ts). Electron-free, unit-tested.
 */
import { resolve } from 'node:path'
import { readShareLink, SHARE_SCHEME } from '../shared/shareLinkText'

export { SHARE_SCHEME }

/**
 * The text after `share=` of an `axon-studio:` link (in its fragment or its query) or of an
 * http(s) link with `#share=`, or null (other arguments: files, switches).
 */
export function shareTextOfUrl(url: string): string | null {
  const link = readShareLink(url)
  return link && link.kind !== 'bare' ? link.text : null
}

/** The desktop link that carries a share text (what `shareTextOfUrl` reads back). */
export function shareLinkOfText(text: string): string {
  return `${SHARE_SCHEME}://open#share=${text}`
}

/** The share texts among a command line's arguments (the first, the executable, is skipped). */
export function shareTextsFromArgv(argv: readonly string[]): string[] {
  return argv.slice(1).map(shareTextOfUrl).filter((text): text is string => text !== null)
}

/**
 * The arguments of `app.setAsDefaultProtocolClient`: an installed app registers itself; run from
 * source (`electron .`, `process.defaultApp`) the OS must start Electron with the app's path; a
 * portable build registers the file the user started (`launcher`, appLauncher.ts), not the copy
 * it runs from, which is deleted when it exits.
 */
export function protocolClientArgs(defaultApp: boolean, execPath: string, appPath: string | undefined, launcher = execPath): { scheme: string; path?: string; args?: string[] } {
  if (defaultApp && appPath) return { scheme: SHARE_SCHEME, path: execPath, args: [resolve(appPath)] }
  return launcher !== execPath ? { scheme: SHARE_SCHEME, path: launcher, args: [] } : { scheme: SHARE_SCHEME }
}
