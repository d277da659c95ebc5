import { useEffect } from 'react'
import { selectDirty, useDocument } from '../store/documentStore'
import { useUi, type Notice } from '../store/uiStore'
import { autosavedProjectOf, autosavedWeights, writeAutosave, type AutosaveRecord } from './autosave'
import { adoptedKey, copyCompanions, holdCompanions, keptWork, newSlotKey, removeSlot, setAsideSlot, shrinkKeptWork, startingSlot, TAB_SLOT_KEY, type KeptWork } from './autosaveSlots'
import { createAsideWeights, removeOrphanParts } from './autosaveWeights'
import { createTabPresence } from './tabPresence'
import { keptOfferNotice } from './keptOffer'
import { createEmptyProject } from '../graph/newProject'
import { forgetFileHandle } from './projectFiles'
import { leavingState } from './desktopDocument'
import { runProgressAtRisk } from '../experiments/runRecorder'
import { unloadObjects } from '../leaveQuestion'
import { confirmLeave } from '../commands'
import { reopenLesson } from '../lessons/lessonResume'
import { keepDraftNow, reopenDraft } from '../lessons/teacherDraftResume'
import type { Project } from '../../../engine/project'

const DELAY_MS = 400

const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/**
 * The tab's autosave: the slot it writes (remembered in sessionStorage for its reloads) and the
 * writes. The kept runs' trained values go beside the slot, once per run and in idle steps
 * (`autosaveWeights.ts`), so neither a run's end nor the edits after it block the page for them.
 */
function createTabSlot(initialKey: string) {
  let key = initialKey
  let failed = false
  const aside = createAsideWeights(localStorage, randomId)
  const slot = {
    key: () => key,
    use(next: string) {
      key = next
      sessionStorage.setItem(TAB_SLOT_KEY, next)
    },
    /** Writes the document now (its runs' new trained values later, or now when `closed`: the tab is going). A failure is said once, where the user looks. */
    write(closed = false) {
      const s = useDocument.getState()
      const meta = { fileName: s.fileName, exampleId: s.exampleId, dirty: selectDirty(s), savedAt: Date.now(), closed }
      aside.write(autosavedWeights(s.project), key, closed, () => slot.write())
      const keysOf = (weights: Parameters<typeof aside.keysOf>[0]) => aside.keysOf(weights, key)
      try {
        let text: string
        try {
          text = writeAutosave(localStorage, key, s.project, meta, keysOf)
        } catch (error) {
          // Kept work from other tabs may fill the storage: its trained values go first.
          if (!shrinkKeptWork(localStorage, key)) throw error
          text = writeAutosave(localStorage, key, s.project, meta, keysOf)
        }
        aside.collect(key, text)
        failed = false
      } catch (error) {
        console.warn('Autosave failed:', error)
        if (!failed && !closed) useUi.getState().notify({ kind: 'error', text: 'Autosave failed: the browser’s storage is full. Save the project to a file to keep it.' })
        failed = true
      }
    },
  }
  slot.use(initialKey)
  return {
    ...slot,
    /** The runs' value parts this tab is writing (not named in its slot yet). */
    writing: () => aside.writing(),
    /** Loads a recovered record into the document; its runs' values are known to be kept beside its slot already. */
    load(record: AutosaveRecord): boolean {
      if (!loadRecord(record)) return false
      aside.adopt(key, record.text, useDocument.getState().project)
      return true
    },
  }
}
type TabSlot = ReturnType<typeof createTabSlot>

/**
 * Moves the tab to kept work: its slot `key`, its network loaded from `record`. The lesson and
 * draft open now stay with the work left (the lesson closing with its network removes nothing);
 * `reopenTabLessons` then opens those kept with the new work. False when the record cannot be read.
 */
function moveToWork(slot: TabSlot, key: string, record: AutosaveRecord): boolean {
  const release = holdCompanions()
  try {
    slot.use(key)
    return slot.load(record)
  } finally {
    release()
  }
}

/** The lesson and the teacher's draft kept with the tab's work now (after `moveToWork`), added to the notice. */
function reopenTabLessons(): void {
  reopenLesson()
  reopenDraft()
}

function loadRecord(record: AutosaveRecord): boolean {
  const project = autosavedProjectOf(localStorage, record)
  if (!project) return false
  forgetFileHandle()
  useDocument.getState().load(project, { fileName: record.fileName, exampleId: record.exampleId, dirty: record.dirty })
  useUi.getState().setCardOpen(record.exampleId !== null && Boolean(project.meta.description))
  return true
}

/**
 * Declines the recovered session: an empty network in a slot of its own; work kept from other
 * tabs stays kept. The notice can stay on screen while the user works on: once the network is
 * no longer the one recovered (or a run is under way), starting fresh asks first, as opening
 * another network does.
 */
function startFresh(slot: TabSlot, recovered: Project): void {
  if ((useDocument.getState().project !== recovered || runProgressAtRisk() !== null) && !confirmLeave()) return
  forgetFileHandle()
  const fresh = newSlotKey(randomId)
  // The lesson played and the one being written are not the recovered network: they stay.
  copyCompanions(localStorage, slot.key(), fresh)
  removeSlot(localStorage, slot.key())
  slot.use(fresh)
  useDocument.getState().load(createEmptyProject())
  useUi.getState().select([])
  useUi.getState().setCardOpen(false)
  useUi.getState().notify(null)
}

/** Adds "work from another tab is kept" and its "Open it" to the notice on screen (or a notice of its own); takes it back when none is kept. */
function offerKept(kept: readonly KeptWork[], open: () => void, base: Notice | null = useUi.getState().notice): void {
  useUi.getState().notify(keptOfferNotice(kept.length, open, base))
}

const savedTime = (record: AutosaveRecord) => (record.savedAt ? ` (last changed ${new Date(record.savedAt).toLocaleString()})` : '')

/** Recovers this tab's work (or the tab closed last's) once, then autosaves every change (debounced) and on page hide. */
export function useAutosave(): void {
  useEffect(() => {
    const start = startingSlot(localStorage, sessionStorage.getItem(TAB_SLOT_KEY), randomId)
    const slot = createTabSlot(start.key)
    let live: ReadonlySet<string> | null = null
    const presence = createTabPresence(slot.key, () => {
      // Another live tab writes this slot: this tab's copy (its lesson and draft too) moves to a slot of its own.
      const own = newSlotKey(randomId)
      copyCompanions(localStorage, slot.key(), own)
      slot.use(own)
      slot.write()
    })
    const recoveredNotice = (): Notice => {
      const recovered = useDocument.getState().project
      return { kind: 'info', text: 'Your last session was recovered.', action: { label: 'Start fresh', run: () => startFresh(slot, recovered) } }
    }
    const openKept = () => {
      const [work] = keptWork(localStorage, slot.key(), live)
      if (!work) return offerKept([], openKept)
      // Put aside complete: the runs' values still to be written beside it are written now, the draft too.
      keepDraftNow()
      slot.write(true)
      setAsideSlot(localStorage, slot.key(), Date.now())
      if (!moveToWork(slot, adoptedKey(localStorage, work, randomId), work.record)) return useUi.getState().notify({ kind: 'error', text: 'The kept work could not be read.' })
      slot.write()
      void presence.ask()
      offerKept(keptWork(localStorage, slot.key(), live), openKept, { kind: 'info', text: `Opened the work autosaved in another tab${savedTime(work.record)}; what was on the canvas is kept.` })
      reopenTabLessons()
    }
    // On a shared lab login the recovered work may be someone else's: offer a clean start.
    if (start.recovered && slot.load(start.recovered) && (useDocument.getState().project.nodes.length > 0 || start.recovered.dirty)) {
      useUi.getState().notify(recoveredNotice())
    }
    const pristine = start.recovered ? null : useDocument.getState().project
    let stopped = false
    void presence.ask().then((heard) => {
      if (stopped) return
      live = heard
      // Only now: a slot another live tab writes may hold parts it has not named yet (a duplicated tab's).
      removeOrphanParts(localStorage, heard && { slots: heard, writing: slot.writing() })
      const kept = keptWork(localStorage, slot.key(), live)
      // A tab gone without closing (a crash) left its work: a new tab with nothing on it yet takes it over.
      if (kept.length > 0 && useDocument.getState().project === pristine && kept[0].record.setAsideAt === undefined) {
        const loaded = moveToWork(slot, adoptedKey(localStorage, kept[0], randomId), kept[0].record)
        if (loaded) useUi.getState().notify(recoveredNotice())
        slot.write()
        void presence.ask()
        offerKept(keptWork(localStorage, slot.key(), live), openKept)
        if (loaded) reopenTabLessons()
        return
      }
      offerKept(keptWork(localStorage, slot.key(), live), openKept)
    })
    return watchDocument(slot, () => void presence.ask(), () => {
      stopped = true
      presence.close()
    })
  }, [])
}

/** Autosaves every change (debounced) and as the page goes; asks before a close or reload would lose unsaved work. */
function watchDocument(slot: TabSlot, shownAgain: () => void, stop: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const write = () => {
    clearTimeout(timer)
    slot.write()
  }
  const unsubscribe = useDocument.subscribe((s, prev) => {
    if (s.project === prev.project && s.savedProject === prev.savedProject) return
    clearTimeout(timer)
    timer = setTimeout(write, DELAY_MS)
  })
  const hide = () => {
    clearTimeout(timer)
    slot.write(true)
  }
  // Back from the browser's back-forward cache: the slot is this tab's again (unless another tab took it over meanwhile).
  const show = (e: PageTransitionEvent) => {
    if (!e.persisted) return
    slot.write()
    shownAgain()
  }
  window.addEventListener('pagehide', hide)
  window.addEventListener('pageshow', show)
  const beforeUnload = (e: BeforeUnloadEvent) => {
    write()
    // The graph is not lost (autosave), but unsaved changes to a file are asked about as desktop
    // apps do; a run's or sweep's progress cannot be autosaved, so the browser asks before losing it.
    const leaving = leavingState()
    if (unloadObjects({ unsavedFile: leaving.dirty, run: leaving.run, sweep: leaving.sweep })) e.preventDefault()
  }
  window.addEventListener('beforeunload', beforeUnload)
  return () => {
    unsubscribe()
    clearTimeout(timer)
    stop()
    window.removeEventListener('pagehide', hide)
    window.removeEventListener('pageshow', show)
    window.removeEventListener('beforeunload', beforeUnload)
  }
}
