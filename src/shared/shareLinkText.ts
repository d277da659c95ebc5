/**
 * Reading a share link in any of its forms, for main (command line, macOS `open-url`) and the
 * renderer ("Open a share link…" in both builds). Both builds write the same text after
 * `share=`: the browser build puts it after its page address (`https://…/#share=v1.…`), the
 * desktop app after its own scheme (`axon-studio://open#share=v1.…`), so either app opens
 * either link. Pure, dependency-free.
 */

/** The desktop app's URL scheme, registered with the OS. */
export const SHARE_SCHEME = 'axon-studio'

/** Longer texts are not a share link the app made (its links stop at 60,000 characters). */
export const MAX_SHARE_LINK_CHARS = 100_000

/** What a share text looks like: the format version, a dot, base64url. */
const SHARE_TEXT = /^v\d+\.[A-Za-z0-9_-]*$/

export type ShareLinkKind = 'desktop' | 'web' | 'bare'

/**
 * The text after `share=` of a pasted or handed-over link, with which form it came in: an
 * `axon-studio:` link (`desktop`), an http(s) page address (`web`), or the bare `#share=v1.…` /
 * `v1.…` (`bare`). Whitespace is dropped first, since mail and chat apps break long links
 * across lines. Null when the text is none of these.
 */
export function readShareLink(text: string): { text: string; kind: ShareLinkKind } | null {
  if (typeof text !== 'string' || text.length > MAX_SHARE_LINK_CHARS) return null
  const link = text.replace(/\s+/g, '')
  if (SHARE_TEXT.test(link)) return { text: link, kind: 'bare' }
  const lower = link.toLowerCase()
  const kind: ShareLinkKind | null = lower.startsWith(`${SHARE_SCHEME}:`) ? 'desktop' : /^https?:\/\//.test(lower) ? 'web' : link.startsWith('#') || lower.startsWith('share=') ? 'bare' : null
  if (!kind) return null
  // The desktop scheme also takes the share in its query (`axon-studio://open?share=…`); a page address only in its fragment.
  const match = (kind === 'desktop' ? /[#?&]share=([^&#]+)/ : /(?:^|#)share=([^&#]+)/).exec(link)
  return match ? { text: match[1], kind } : null
}
