/**
 * Notices that say what failed and why. A reason glued on after a colon read as one broken
 * sentence when the reason was a sentence itself ("… could not be exported: The PyTorch export
 * cannot …"); here each is a sentence of its own.
 */

/** `text` as a sentence: its first letter a capital, ending in a full stop unless it ends in . ! ? or … already. */
export function asSentence(text: string): string {
  const t = text.trim()
  if (t === '') return t
  const capital = t[0].toUpperCase() + t.slice(1)
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`
}

/** "The ONNX model could not be exported. Train the network first …": what failed, then why, as two sentences. */
export function failedBecause(what: string, reason: string): string {
  const why = asSentence(reason)
  return why ? `${what}. ${why}` : `${what}.`
}
