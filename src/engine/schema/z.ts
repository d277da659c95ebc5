/**
 * zod, configured for the app: every schema module imports `z` from here, never from 'zod'.
 *
 * Why: zod 4 compiles fast object parsers with `new Function`, and the app's Content-Security-
 * Policy forbids eval (`script-src 'self' 'wasm-unsafe-eval'`). Jitless mode parses without it
 * and also skips zod's probe for eval, which a strict CSP would report as a violation.
 */
// eslint-disable-next-line no-restricted-imports -- the one place that imports zod itself
import * as z from 'zod'

z.config({ jitless: true })

export { z }
