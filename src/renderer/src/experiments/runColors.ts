/**
 * One colour per run in every view that draws runs (the Sweeps tab's chart and table, the Runs
 * tab's comparison), so "η = 3 (sweep 1)" is the same curve colour wherever a teacher meets it.
 * The colour is the run's own (`color` in its record, given when it was recorded, one after the
 * run before it: `withRunColors`), so it stays when other runs are deleted or dropped from the
 * history, and the runs of one sweep, recorded one after another, differ. A view that would
 * show two runs in one colour (the palette has 8) gives the newer one the next colour free in it.
 */
import { withRunColors, type RunRecord } from '../../../engine/experiments/runHistory'
import { SERIES_COLORS } from './playgroundModel'

/**
 * The colours of the runs a view shows: `shown` lists their ids in the history (null for a run
 * the history does not hold, e.g. a sweep's run stopped before it ended), one colour each.
 */
export function runColors(history: readonly Pick<RunRecord, 'id' | 'color'>[], shown: readonly (string | null)[]): string[] {
  const n = SERIES_COLORS.length
  const own = new Map(withRunColors(history).map((r, i) => [r.id, { color: r.color, at: i }]))
  const slots: (number | null)[] = shown.map(() => null)
  const used = new Set<number>()
  const take = (wanted: number): number => {
    let slot = wanted
    for (let k = 0; k < n && used.has(slot); k++) slot = (wanted + k + 1) % n
    used.add(slot)
    return slot
  }
  // Oldest first, so a run keeps its own colour over any newer run that would share it.
  const known = shown.map((id, i) => ({ i, run: id === null ? undefined : own.get(id) })).filter((s): s is { i: number; run: { color: number; at: number } } => s.run !== undefined)
  for (const s of known.sort((a, b) => a.run.at - b.run.at)) slots[s.i] = take(s.run.color % n)
  return slots.map((slot) => SERIES_COLORS[slot ?? take(0)])
}
