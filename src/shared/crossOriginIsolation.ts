/**
 * The response headers that make a page cross-origin isolated (`crossOriginIsolated` true), so
 * it and its workers may share memory: the engine's data-parallel helpers multiply in one
 * SharedArrayBuffer. Sent by the Vite dev and preview servers (vite.web.config.ts) and by the
 * desktop app's `app://` protocol (appProtocol.ts). Everything the app loads is its own, so
 * requiring CORP of cross-origin resources costs nothing.
 */
export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = Object.freeze({
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
})
