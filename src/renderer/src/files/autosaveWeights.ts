/**
 * The kept runs' trained values, autosaved beside the tab's slot instead of inside it. A run's
 * values never change once recorded, yet they are nearly all of an autosave (1.6 M characters
 * for one Fashion-MNIST run against 30 k for the rest): written inside the slot, every later edit
 * serialised and stored them again, a 90–160 ms main-thread task at each. Here each run's values
 * are serialised once and stored in parts of `PART_CHARS` (`axon:autosave-weights:<slot>|<id>|<i>`),
 * one part per idle task, and the slot's project text names them with a marker in the run's
 * place: `…,"weights":{"$aside":["<key>",…]}}`. Reading the slot puts the parts back in
 * (`resolveAsideWeights`); a marker whose parts are gone is dropped with its weights.
 *
 * Two live tabs can write one slot for a moment (a duplicated tab, until `tabPresence.ts` moves
 * one): each removes only the parts it wrote or read back itself (`collect`), never another
 * tab's, which may still be writing them; parts no live tab wrote are removed at a tab's start,
 * once it knows which slots live tabs write (`removeOrphanParts`).
 */
import type { RunWeights } from '../../../engine/experiments/runHistory'
import type { KeyValueStorage } from './autosave'
import type { Project } from '../../../engine/project'

export const AUTOSAVE_WEIGHTS_PREFIX = 'axon:autosave-weights:'
/** Characters per stored part: one part is one `setItem`, one short task. */
export const PART_CHARS = 256 * 1024

/** `,"weights":{"$aside":[…keys…]}` as JSON.stringify writes it (a run's weights come last; user text cannot hold raw quotes). */
const MARKER = /,"weights":\{"\$aside":(\[[^\]]*\])\}/g

/** The stand-in for a run's weights in the slot's project: the keys of its parts. */
export function asideMarker(keys: readonly string[]): { $aside: string[] } {
  return { $aside: [...keys] }
}

/** The part keys a slot's project text names. */
export function asideKeysIn(text: string): string[] {
  return [...text.matchAll(MARKER)].flatMap((m) => JSON.parse(m[1]) as string[])
}

/** The project text with every run's weights back from their parts (or dropped where a part is gone). */
export function resolveAsideWeights(storage: KeyValueStorage, text: string): string {
  if (!text.includes('"$aside"')) return text
  return text.replace(MARKER, (_marker, keysJson: string) => {
    const parts = (JSON.parse(keysJson) as string[]).map((key) => storage.getItem(key))
    return parts.every((p): p is string => p !== null) ? `,"weights":${parts.join('')}` : ''
  })
}

/** Removes the parts a slot's text names (the slot is being removed or rewritten without them). */
export function removeAsideParts(storage: KeyValueStorage, text: string): void {
  for (const key of asideKeysIn(text)) storage.removeItem(key)
}

/** The live tabs, as a starting tab learnt them (`tabPresence.ts`). */
export interface LiveWriters {
  /** Slots other live tabs write: their parts, named or not yet, are theirs. */
  slots: ReadonlySet<string>
  /** Parts this tab is writing (not named in its slot yet). */
  writing: ReadonlySet<string>
}

/**
 * Removes parts no slot will name: those of a slot that is gone, and those a slot no live tab
 * writes does not name (its tab wrote all its parts before it closed or crashed; unnamed ones are
 * of writes it gave up). Without `live` (tabs that cannot talk), a slot no tab writes is a closed one.
 */
export function removeOrphanParts(storage: KeyValueStorage, live: LiveWriters | null = null): void {
  const orphans: string[] = []
  const named = new Map<string, { closed: boolean; keys: Set<string> } | null>()
  const headOf = (slot: string) => {
    if (!named.has(slot)) {
      try {
        const head = JSON.parse(storage.getItem(slot) ?? 'null') as { text?: unknown; closed?: unknown } | null
        named.set(slot, typeof head?.text === 'string' ? { closed: head.closed === true, keys: new Set(asideKeysIn(head.text)) } : null)
      } catch {
        named.set(slot, null)
      }
    }
    return named.get(slot)!
  }
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(AUTOSAVE_WEIGHTS_PREFIX)) continue
    const slot = key.slice(AUTOSAVE_WEIGHTS_PREFIX.length, key.indexOf('|'))
    const head = headOf(slot)
    const nobodyWrites = live ? !live.slots.has(slot) && !live.writing.has(key) : head?.closed === true
    if (!head || (nobodyWrites && !head.keys.has(key))) orphans.push(key)
  }
  orphans.forEach((key) => storage.removeItem(key))
}

interface AsideEntry {
  slot: string
  keys: string[]
  state: 'pending' | 'written' | 'failed'
  /** While pending with parts under way: writes the parts not stored yet, in this task. */
  finish?: () => void
}

/** Runs a step later, when the page is idle (tests step by hand). */
export type Schedule = (step: () => void) => void

export const idleSchedule: Schedule = (step) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => step(), { timeout: 2000 })
  else setTimeout(step, 0)
}

/**
 * Stores one run's values (serialised as `text`) in parts keyed `prefix` + index: each part in a
 * step of its own, or all `now`; `entry.finish` writes the parts still missing at once.
 */
function storeParts(
  io: { storage: KeyValueStorage; schedule: Schedule; settle: (entry: AsideEntry, state: 'written' | 'failed') => void },
  entry: AsideEntry,
  prefix: string,
  text: string,
  now: boolean,
  done: () => void,
): void {
  const count = Math.max(1, Math.ceil(text.length / PART_CHARS))
  entry.keys = Array.from({ length: count }, (_, i) => `${prefix}${i}`)
  let next = 0
  const put = (i: number, rest: boolean): void => {
    if (entry.state !== 'pending' || i !== next) return
    try {
      io.storage.setItem(entry.keys[i], text.slice(i * PART_CHARS, (i + 1) * PART_CHARS))
    } catch {
      // A full storage: the slot is written without these values, as it was before they were kept aside.
      io.settle(entry, 'failed')
      entry.keys.forEach((key) => io.storage.removeItem(key))
      return
    }
    next = i + 1
    if (next < count) return rest ? put(next, true) : io.schedule(() => put(next, false))
    io.settle(entry, 'written')
    done()
  }
  entry.finish = () => put(next, true)
  put(0, now)
}

/**
 * The tab's store of runs' values beside its slot. `keysOf` says where a run's values are once
 * they are written there (null until then: the slot is written without them meanwhile);
 * `write` stores those not yet stored, part by part through `schedule` (or all now, as the page
 * goes), then calls `written` so the slot is written again with them.
 */
export function createAsideWeights(storage: KeyValueStorage, randomId: () => string, schedule: Schedule = idleSchedule) {
  const entries = new WeakMap<RunWeights, AsideEntry>()
  const pending = new Set<AsideEntry>()
  /** The parts this tab wrote or read back: the only ones it removes (another tab on its slot may be writing others). */
  const mine = new Set<string>()
  const settle = (entry: AsideEntry, state: 'written' | 'failed') => {
    entry.state = state
    pending.delete(entry)
  }

  const store = (entry: AsideEntry, text: string, now: boolean, done: () => void) => {
    storeParts({ storage, schedule, settle }, entry, `${AUTOSAVE_WEIGHTS_PREFIX}${entry.slot}|${randomId()}|`, text, now, done)
    entry.keys.forEach((key) => mine.add(key))
  }

  return {
    keysOf(weights: RunWeights, slot: string): string[] | null {
      const entry = entries.get(weights)
      return entry?.slot === slot && entry.state === 'written' ? entry.keys : null
    },
    /** Stores each of `all` not stored for `slot` yet (`now`: at once, in this task); `written` once each is. */
    write(all: readonly RunWeights[], slot: string, now: boolean, written: () => void): void {
      for (const weights of all) {
        const known = entries.get(weights)
        if (known?.slot === slot && (known.state !== 'pending' || !now)) continue
        // Still being written for this slot when the page goes: its remaining parts now, under
        // the same keys (writing all again beside the parts already in could overflow the storage).
        if (known?.slot === slot && known.finish) {
          known.finish()
          if (known.state === 'written') continue
        }
        // Written for another slot, or its writing not begun (or failed): written again, now.
        if (known?.state === 'pending') settle(known, 'failed')
        const entry: AsideEntry = { slot, keys: [], state: 'pending' }
        entries.set(weights, entry)
        pending.add(entry)
        if (now) store(entry, JSON.stringify(weights), true, () => {})
        else schedule(() => entry.state === 'pending' && store(entry, JSON.stringify(weights), false, written))
      }
    },
    /**
     * A project read back from `slot` (its text `rawText`, with markers): its runs' values are
     * known to be kept there already, under the keys the markers name, so they are not written again.
     */
    adopt(slot: string, rawText: string, project: Project): void {
      if (!rawText.includes('"$aside"')) return
      const raw = (JSON.parse(rawText) as { runs?: Array<{ weights?: { $aside?: unknown } }> }).runs ?? []
      const runs = project.runs ?? []
      if (raw.length !== runs.length) return
      raw.forEach((r, i) => {
        const keys = r.weights?.$aside
        const weights = runs[i].weights
        if (!weights || !Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return
        entries.set(weights, { slot, keys, state: 'written' })
        keys.forEach((key) => mine.add(key))
      })
    },
    /** The parts this tab is writing now (not named in its slot yet). */
    writing: (): Set<string> => new Set([...pending].flatMap((e) => e.keys)),
    /**
     * The tab's slot now holds `text`: the parts of it this tab wrote or read back and no longer
     * names (older runs', an abandoned write's) are removed; another tab's are left to it.
     */
    collect(slot: string, text: string): void {
      const keep = new Set([...asideKeysIn(text), ...[...pending].flatMap((e) => e.keys)])
      const own = `${AUTOSAVE_WEIGHTS_PREFIX}${slot}|`
      for (const key of [...mine]) {
        if (!key.startsWith(own) || keep.has(key)) continue
        storage.removeItem(key)
        mine.delete(key)
      }
    },
  }
}

export type AsideWeights = ReturnType<typeof createAsideWeights>
