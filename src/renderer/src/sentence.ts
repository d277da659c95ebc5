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

/** A problem a file has, at its JSON path (`$` or `$.format`: the whole file). */
export interface FileProblem {
  path: string
  message: string
}

/**
 * "xor.axon.json could not be opened. This project was saved by a newer Axon Studio …": a problem
 * with the whole file is a sentence of its own (its path `$.format` said nothing to a reader);
 * problems inside it name their place, the first `limit` of them.
 */
export function fileProblemsText(what: string, problems: readonly FileProblem[], limit = 3): string {
  const whole = problems.find((p) => p.path === '$' || p.path === '$.format')
  if (whole) return failedBecause(what, whole.message)
  const shown = problems.slice(0, limit).map((p) => `${p.path} ${p.message}`)
  const more = problems.length > limit ? ` (and ${problems.length - limit} more)` : ''
  return `${what}: ${shown.join('; ')}${more}.`
}
