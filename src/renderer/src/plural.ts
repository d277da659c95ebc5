import { count as countText } from './training/format'

/** "1 unit", "2 units", "1,000 examples": a count with its noun, singular for exactly one. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${countText(count)} ${count === 1 ? one : many}`
}
