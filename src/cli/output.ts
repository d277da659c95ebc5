/**
 * What the CLI prints about a problem: at most three lines, each cut to a screen's width,
 * with control characters and raw bytes replaced, so a damaged file never floods or garbles
 * the terminal.
 */
import { cutText } from '../engine/data'

/** Most lines of one error message. */
export const MAX_ERROR_LINES = 3
/** Longest line of an error message, in characters. */
export const MAX_LINE = 500

/** `message` made fit for the terminal (see the module comment). */
export function tidyMessage(message: string): string {
  const lines = message.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '')
  if (lines.length <= MAX_ERROR_LINES) return lines.map((l) => cutText(l, MAX_LINE)).join('\n')
  const kept = lines.slice(0, MAX_ERROR_LINES - 1).map((l) => cutText(l, MAX_LINE))
  kept.push(`  … and ${lines.length - kept.length} more lines.`)
  return kept.join('\n')
}

/** A list of `path: message` problems as at most two lines (the first problems, or one and a count). */
export function problemLines(problems: { path: string; message: string }[]): string {
  const line = (p: { path: string; message: string }) => `  ${cutText(p.path, 80)}: ${p.message}`
  if (problems.length <= 2) return problems.map(line).join('\n')
  return `${line(problems[0])}\n  … and ${problems.length - 1} more problems.`
}
