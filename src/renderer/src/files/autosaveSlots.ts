/**
 * Which autosave slot a tab writes, and what a new tab recovers. Every tab writes a slot of its
 * own (`axon:autosave:<id>`, the id kept in the tab's sessionStorage so a reload finds it again),
 * marked closed when the tab goes. A new tab takes over the newest closed slot (the work of the
 * tab closed last) and offers the others, so work from two tabs is never lost to a shared slot.
 */
import {
  AUTOSAVE_SLOT_PREFIX,
  autosaveKeys,
  LEGACY_AUTOSAVE_KEY,
  readAutosaveRecord,
  type AutosaveRecord,
  type KeyValueStorage,
} from './autosave'
import { removeAsideParts } from './autosaveWeights'

/** The sessionStorage entry holding the tab's slot key (it survives the tab's reloads, not its closing). */
export const TAB_SLOT_KEY = 'axon:autosave-slot'

/**
 * What a tab keeps beside its slot besides the network: the lesson it plays and the lesson its
 * teacher is writing (`lessons/lessonResume.ts`, `lessons/teacherDraftResume.ts`). Each tab keeps
 * its own (`<name>:<slot key>`), so two tabs never reopen each other's; they go with the slot's
 * work (a new tab taking over a closed tab's work reopens its lesson too) and are removed with it.
 * The name alone is the entry all tabs shared before: read once, by the first tab that has none.
 */
export const SLOT_COMPANIONS = { lesson: 'axon.lessons.open.v1', draft: 'axon.lessons.teacherDraft.v1' } as const
export type SlotCompanion = keyof typeof SLOT_COMPANIONS

export function companionKey(kind: SlotCompanion, slotKey: string): string {
  return `${SLOT_COMPANIONS[kind]}:${slotKey}`
}

let companionsHeld = false

/**
 * While the tab moves to other work (its slot changes and its network loads), the lesson closing
 * with the old network must not remove the entry of the slot it moves to: writes wait until the
 * returned release, after which the tab reopens that slot's lesson and draft.
 */
export function holdCompanions(): () => void {
  companionsHeld = true
  return () => void (companionsHeld = false)
}

/** The tab's `kind` entry: read (taking over the shared entry of older versions when it has none) and written. */
export function tabCompanion(kind: SlotCompanion, storage: KeyValueStorage, session: Pick<KeyValueStorage, 'getItem'>) {
  const key = () => companionKey(kind, session.getItem(TAB_SLOT_KEY) ?? '')
  return {
    read(): string | null {
      const own = storage.getItem(key())
      const shared = own === null ? storage.getItem(SLOT_COMPANIONS[kind]) : null
      if (shared !== null) {
        storage.setItem(key(), shared)
        storage.removeItem(SLOT_COMPANIONS[kind])
      }
      return own ?? shared
    },
    write(text: string): void {
      if (!companionsHeld) storage.setItem(key(), text)
    },
    remove(): void {
      if (!companionsHeld) storage.removeItem(key())
    },
  }
}

/** Copies a slot's lesson and draft to another slot (the tab moved to a slot of its own). */
export function copyCompanions(storage: KeyValueStorage, from: string, to: string): void {
  for (const kind of Object.keys(SLOT_COMPANIONS) as SlotCompanion[]) {
    const text = storage.getItem(companionKey(kind, from))
    if (text !== null) storage.setItem(companionKey(kind, to), text)
  }
}

/** Work autosaved by a tab that is gone, or put aside by "Open": offered to the tabs that start later. */
export interface KeptWork {
  key: string
  record: AutosaveRecord
}

/** A fresh slot key for a tab. */
export function newSlotKey(randomId: () => string): string {
  return `${AUTOSAVE_SLOT_PREFIX}${randomId()}`
}

/**
 * Work kept in other slots than `ownKey`: those whose tab closed, and, when the live tabs are
 * known (`liveKeys`), also those whose tab is gone without closing (a crash). First the work of
 * closed tabs, newest first; then work put aside by "Open", longest aside first, so opening
 * kept work again and again visits each in turn.
 */
export function keptWork(storage: KeyValueStorage, ownKey: string, liveKeys: ReadonlySet<string> | null): KeptWork[] {
  const kept: KeptWork[] = []
  for (const key of autosaveKeys(storage)) {
    if (key === ownKey || liveKeys?.has(key)) continue
    const record = readAutosaveRecord(storage, key)
    const closed = record?.closed === true || key === LEGACY_AUTOSAVE_KEY
    if (record && (closed || liveKeys !== null)) kept.push({ key, record })
  }
  const aside = (w: KeptWork) => w.record.setAsideAt ?? null
  return kept.sort((a, b) => {
    const [x, y] = [aside(a), aside(b)]
    if (x === null && y === null) return (b.record.savedAt ?? 0) - (a.record.savedAt ?? 0)
    if (x === null || y === null) return x === null ? -1 : 1
    return x - y
  })
}

/** The slot a starting tab writes and the record it recovers (null: nothing to recover). */
export interface StartingSlot {
  key: string
  recovered: AutosaveRecord | null
}

/**
 * At a tab's start: its own slot after a reload, else it takes over the newest closed slot
 * (the tab closed last), else a fresh slot with nothing to recover.
 */
export function startingSlot(storage: KeyValueStorage, remembered: string | null, randomId: () => string): StartingSlot {
  const own = remembered?.startsWith(AUTOSAVE_SLOT_PREFIX) ? readAutosaveRecord(storage, remembered) : null
  if (remembered && own) return { key: remembered, recovered: own }
  const [newest] = keptWork(storage, '', null)
  if (!newest) return { key: remembered?.startsWith(AUTOSAVE_SLOT_PREFIX) ? remembered : newSlotKey(randomId), recovered: null }
  return { key: adoptedKey(storage, newest, randomId), recovered: newest.record }
}

/** The key a tab writes after taking over kept work: the work's own slot (the older shared slot is moved to a tab's). */
export function adoptedKey(storage: KeyValueStorage, work: KeptWork, randomId: () => string): string {
  if (work.key !== LEGACY_AUTOSAVE_KEY) return work.key
  const key = newSlotKey(randomId)
  storage.setItem(key, JSON.stringify({ ...work.record, closed: false } satisfies AutosaveRecord))
  storage.removeItem(LEGACY_AUTOSAVE_KEY)
  return key
}

/**
 * Marks the tab's own slot as put aside ("Open" of kept work in this tab): it becomes kept work
 * the next "Open" reaches. An empty, saved canvas is nothing to keep: its slot is removed.
 */
export function setAsideSlot(storage: KeyValueStorage, key: string, now: number): void {
  const record = readAutosaveRecord(storage, key)
  if (!record) return
  const companions = (Object.keys(SLOT_COMPANIONS) as SlotCompanion[]).some((kind) => storage.getItem(companionKey(kind, key)) !== null)
  if (!record.dirty && !companions && isEmptyProjectText(record.text)) return removeSlot(storage, key)
  storage.setItem(key, JSON.stringify({ ...record, closed: true, setAsideAt: now } satisfies AutosaveRecord))
}

/** Removes a slot and what is kept beside it: the runs' trained values, the lesson and the draft. */
export function removeSlot(storage: KeyValueStorage, key: string): void {
  const record = readAutosaveRecord(storage, key)
  if (record) removeAsideParts(storage, record.text)
  for (const kind of Object.keys(SLOT_COMPANIONS) as SlotCompanion[]) storage.removeItem(companionKey(kind, key))
  storage.removeItem(key)
}

function isEmptyProjectText(text: string): boolean {
  try {
    const nodes = (JSON.parse(text) as { nodes?: unknown[] }).nodes
    return !Array.isArray(nodes) || nodes.length === 0
  } catch {
    return false
  }
}

/** "Work from 2 other tabs is kept." */
export function keptWorkText(count: number): string {
  return count === 1 ? 'Work from another tab is kept too.' : `Work from ${count} other tabs is kept too.`
}

/**
 * Makes room in a full storage for the tab's own slot: kept work (other slots whose tab is gone)
 * is rewritten without its runs' trained values, as the tab's own autosave drops them when it does
 * not fit. True when any slot shrank.
 */
export function shrinkKeptWork(storage: KeyValueStorage, ownKey: string): boolean {
  let shrank = false
  for (const { key, record } of keptWork(storage, ownKey, null)) {
    try {
      const project = JSON.parse(record.text) as { runs?: { weights?: unknown }[] }
      if (!project.runs?.some((r) => r.weights)) continue
      const runs = project.runs.map(({ weights: _dropped, ...run }) => run)
      storage.setItem(key, JSON.stringify({ ...record, text: JSON.stringify({ ...project, runs }) } satisfies AutosaveRecord))
      removeAsideParts(storage, record.text)
      shrank = true
    } catch {
      // A slot that cannot be read or rewritten stays as it is.
    }
  }
  return shrank
}
