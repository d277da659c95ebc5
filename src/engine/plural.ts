/** One formatter for every count: `toLocaleString` builds a new one per call, and counters redraw every frame. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US')

/** "1 unit", "2 units", "1,000 examples": a count with its noun, singular for exactly one. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${COUNT_FORMAT.format(count)} ${count === 1 ? one : many}`
}
