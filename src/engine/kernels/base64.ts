/**
 * Base64 → bytes without host APIs (`atob` and `Buffer` are not part of ES2023), for the
 * WebAssembly modules the engine carries as text.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const VALUE = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i

/** Decode standard base64 (padding optional, no whitespace). Throws on a foreign character. */
export function base64Decode(text: string): Uint8Array {
  let end = text.length
  while (end > 0 && text[end - 1] === '=') end--
  const out = new Uint8Array((end * 3) >> 2)
  let acc = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const v = code < 128 ? VALUE[code] : -1
    if (v < 0) throw new Error(`base64Decode: invalid character at ${i}`)
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return out
}
