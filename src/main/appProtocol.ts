/**
 * The `app://axon/` protocol that serves the packaged renderer (its bundle and the sample data
 * Vite placed beside it) instead of `file://`: a standard, secure origin of its own, so the
 * page cannot read other files and file:// needs no extra privileges (that fuse is off).
 * Only files under the renderer folder are served; anything else (`..`, encoded or not,
 * another host, backslashes) is a 404. Electron-free: main passes the file reader.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { CROSS_ORIGIN_ISOLATION } from '../shared/crossOriginIsolation'

export const APP_SCHEME = 'app'
export const APP_HOST = 'axon'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** What `protocol.registerSchemesAsPrivileged` needs, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.woff2': 'font/woff2',
}

/** The file under `root` that `url` names, or null when it names nothing we serve. */
export function appFilePath(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`)
  const inside = relative(resolve(root), file)
  if (!inside || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null
  return file
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** The `protocol.handle` handler: the file's bytes, or 404. */
export function createAppProtocolHandler(root: string, readFile: (path: string) => Promise<Uint8Array>) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    const file = appFilePath(root, request.url)
    if (!file || (request.method && request.method !== 'GET')) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff', ...CROSS_ORIGIN_ISOLATION } })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  }
}

/** The dev server only when running from source; the packaged app always loads its own bundle. */
export function chooseAppUrl(isPackaged: boolean, rendererUrl: string | undefined): string {
  return !isPackaged && rendererUrl ? rendererUrl : APP_ENTRY_URL
}
