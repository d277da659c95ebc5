/**
 * One colour per run in every view that draws runs (the Sweeps tab's chart and table, the Runs
 * tab's comparison), so "η = 3 (sweep 1)" is the same curve colour wherever a teacher meets it.
 * The colour belongs to the run's place in the project's run history, oldest first, taking the
 * palette in turn: the runs of one sweep, recorded one after another, differ. A view that would
 * show two runs in one colour (the palette has 8) gives the newer one the next colour free in it.
 */
import { SERIES_COLORS } from './playgroundModel'

/**
 * The colours of the runs a view shows: `shown` lists their ids in the history (null for a run
 * the history does not hold, e.g. a sweep's run stopped before it ended), one colour each.
 */
export function runColors(history: readonly { id: string }[], shown: readonly (string | null)[]): string[] {
  const n = SERIES_COLORS.length
  const place = new Map(history.map((r, i) => [r.id, i]))
  const slots: (number | null)[] = shown.map(() => null)
  const used = new Set<number>()
  const take = (wanted: number): number => {
    let slot = wanted
    for (let k = 0; k < n && used.has(slot); k++) slot = (wanted + k + 1) % n
    used.add(slot)
    return slot
  }
  // Oldest first, so a run keeps its own colour over any newer run that would share it.
  const known = shown.map((id, i) => ({ i, at: id === null ? undefined : place.get(id) })).filter((s): s is { i: number; at: number } => s.at !== undefined)
  for (const s of known.sort((a, b) => a.at - b.at)) slots[s.i] = take(s.at % n)
  return slots.map((slot) => SERIES_COLORS[slot ?? take(0)])
}
