/**
 * Text that came from the user's file, made safe to show: cut short, control characters and
 * raw bytes replaced, and JSON parsed with a nesting limit. Every message that quotes a cell,
 * a column name or a JSON value goes through here, so a 1.5 MB string or a binary blob never
 * reaches the screen or the terminal whole.
 */

/** Longest quoted user text in a message, in characters. */
export const QUOTE_MAX = 40

/**
 * `s` fit for a one-line message: control characters, lone surrogates and the replacement
 * character become `?`; longer than `max` characters it is cut with "…".
 */
export function cutText(s: string, max = QUOTE_MAX): string {
  const head = s.length > max ? s.slice(0, max) : s
  // eslint-disable-next-line no-control-regex
  const clean = head.replace(/[\u0000-\u001f\u007f-\u009f\ufffd\u2028\u2029]|[\ud800-\udfff]/g, (c, i: number) => {
    const code = c.charCodeAt(0)
    // Keep well-formed surrogate pairs (emoji, rare CJK), replace lone halves.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = head.charCodeAt(i + 1)
      return next >= 0xdc00 && next <= 0xdfff ? c : '?'
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      const prev = head.charCodeAt(i - 1)
      return prev >= 0xd800 && prev <= 0xdbff ? c : '?'
    }
    return '?'
  })
  return s.length > max ? `${clean}…` : clean
}

/** `"s"` cut and cleaned for a message (see `cutText`). */
export function quoteUser(s: string, max = QUOTE_MAX): string {
  return `"${cutText(s, max)}"`
}

/** A JSON value of any type, described briefly for a message: `"abc…"`, `42`, `an object`. */
export function describeJsonValue(value: unknown): string {
  if (typeof value === 'string') return quoteUser(value)
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return cutText(String(value))
}

/** Deepest nesting of arrays and objects accepted in a project or model file. */
export const MAX_JSON_DEPTH = 64

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; message: string }

/**
 * `JSON.parse` that never throws and refuses values nested deeper than `maxDepth` (so the
 * validators, which walk the value recursively, cannot run out of stack). The depth is
 * measured without recursion.
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const reason = e instanceof Error ? cutText(e.message, 80) : 'syntax error'
    return { ok: false, message: `The file is not valid JSON: ${reason}` }
  }
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth > maxDepth) {
      return { ok: false, message: `The file nests arrays and objects more than ${maxDepth} levels deep; it is not a file this app wrote.` }
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return { ok: true, value }
}
