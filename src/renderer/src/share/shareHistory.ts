/**
 * Back and Forward around a shared network opened in this tab (the browser build). Opening a link
 * pasted into the address bar adds a history entry; the app takes the link out of the address
 * (a reload must not open it again over the work it became), and so Back used to land on an
 * entry that looked the same and did nothing. Now the link's entry belongs to the shared
 * network: Back returns to the network the tab had before it, as it was (unsaved changes
 * included, asking first if the shared network was changed), with its undo history and the
 * file Save wrote it to, and Forward opens the shared network again. What Back returns to is kept
 * for the tab (sessionStorage: a reload keeps it, another tab does not see it), in memory alone
 * when it is too large to store; the undo history and the file handle live in memory only (a
 * handle cannot be stored there, a history would be a copy of every step), so after a reload
 * Back returns the network alone.
 */
import { parseProject, serializeProject, type Project } from '../../../engine/project'
import { shareTextOf } from '../../../engine/project/share'
import { selectDirty, useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { currentFileHandle, restoreFileHandle } from '../files/projectFiles'
import type { History } from '../store/history'
import type { WritableFileHandle } from '../files/saveText'

/** The network a shared one replaced, to go back to. */
interface KeptNetwork {
  project: Project
  fileName: string | null
  exampleId: string | null
  dirty: boolean
  /** In memory only: the undo history (its present is `project`), the version last saved, the file it was saved to. */
  history?: History<Project>
  savedProject?: Project
  handle?: WritableFileHandle | null
}

/** The history state of a shared network's entry: which entry, and the link's text to open it again. */
interface ShareEntry {
  axonShare: { entry: string; text: string }
}

const kept = new Map<string, KeptNetwork>()
const STORE_PREFIX = 'axon:share-back:'

function keep(entry: string, network: KeptNetwork): void {
  kept.set(entry, network)
  try {
    const { project, fileName, exampleId, dirty } = network
    sessionStorage.setItem(STORE_PREFIX + entry, JSON.stringify({ fileName, exampleId, dirty, project: serializeProject(project) }))
  } catch {
    // Over the storage quota (a network with 78,400 hand-set weights): kept until a reload.
  }
}

function keptNetwork(entry: string): KeptNetwork | undefined {
  const inMemory = kept.get(entry)
  if (inMemory) return inMemory
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORE_PREFIX + entry) ?? 'null') as (Omit<KeptNetwork, 'project'> & { project: string }) | null
    const parsed = stored ? parseProject(stored.project) : null
    return stored && parsed?.ok ? { ...stored, project: parsed.project } : undefined
  } catch {
    return undefined
  }
}

function shareEntryOf(state: unknown): ShareEntry['axonShare'] | null {
  const share = (state as Partial<ShareEntry> | null)?.axonShare
  return share && typeof share.entry === 'string' && typeof share.text === 'string' ? share : null
}

/** The network on the canvas now, to come back to (taken before a shared one replaces it). */
export function keepNetworkBeforeShare(): KeptNetwork {
  const doc = useDocument.getState()
  return { project: doc.project, fileName: doc.fileName, exampleId: doc.exampleId, dirty: selectDirty(doc), history: doc.history, savedProject: doc.savedProject, handle: currentFileHandle() }
}

/**
 * Makes the current history entry the shared network's, with the link out of the address; Back
 * from it returns to `before` when there is a network before it in this tab (null: a fresh tab).
 */
export function markShareEntry(text: string, before: KeptNetwork | null): void {
  const entry = `share-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  if (before) keep(entry, before)
  history.replaceState({ axonShare: { entry, text } } satisfies ShareEntry, '', `${location.pathname}${location.search}`)
  lastState = history.state
}

/** Whether the tab is on a shared network's entry that has a network to go back to. */
function keptFor(state: unknown): KeptNetwork | undefined {
  const share = shareEntryOf(state)
  return share ? keptNetwork(share.entry) : undefined
}

/** The entry the tab was on before the last Back or Forward (popstate tells only where it is now). */
let lastState: unknown = typeof history === 'undefined' ? null : history.state

/**
 * Back from a shared network's entry: the network before it comes back (asking first when the
 * shared one has unsaved changes); declined, the tab goes forward again to stay on the shared
 * network. Forward onto a shared network's entry opens it again through `reopen`.
 */
export function followShareHistory(reopen: (text: string, backTo: string) => Promise<boolean>, confirmLeave: (opening: string) => boolean): () => void {
  let returning = false
  const onPop = (event: PopStateEvent): void => {
    const from = lastState
    lastState = event.state
    // A link pasted into the address bar (a new entry) is opened by the hashchange that follows.
    if (shareTextOf(location.hash) !== null) return
    if (returning) {
      returning = false
      return
    }
    const arrived = shareEntryOf(event.state)
    const before = keptFor(from)
    if (before && !arrived) {
      if (!confirmLeave(`your network “${before.project.meta.title}” again`)) {
        returning = true
        lastState = from
        history.forward()
        return
      }
      restore(before)
    } else if (arrived && shareEntryOf(from)?.entry !== arrived.entry) {
      const network = keepNetworkBeforeShare()
      void reopen(arrived.text, network.project.meta.title).then((opened) => {
        if (opened) keep(arrived.entry, network)
      })
    }
  }
  window.addEventListener('popstate', onPop)
  return () => window.removeEventListener('popstate', onPop)
}

/** Puts the kept network back on the canvas, as it was. */
function restore(network: KeptNetwork): void {
  const { project, fileName, exampleId, dirty, history, savedProject } = network
  useDocument.getState().load(project, { fileName, exampleId, dirty, history, savedProject })
  restoreFileHandle(network.handle ?? null)
  const ui = useUi.getState()
  ui.select([])
  ui.setCardOpen(network.exampleId !== null || Boolean(network.project.meta.description))
  ui.notify({ kind: 'info', text: `Back to “${network.project.meta.title}” as it was before the shared network${network.dirty ? ', with its unsaved changes' : ''}. Forward opens the shared network again.` })
}
