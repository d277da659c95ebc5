/**
 * Share links in the app: the link of the network on the canvas (with its small local data
 * files), and opening a link's network (from the page's URL in the browser build, handed over
 * by the desktop app, or pasted into "Open a share link…"), never over unsaved work without asking.
 */
import { readShareText, shareFragment, shareSizeText, shareTextOf } from '../../../engine/project/share'
import { withDataPaths } from '../../../engine/project/shareData'
import { readShareLink } from '../../../shared/shareLinkText'
import { confirmLeave } from '../commands'
import { forgetFileHandle } from '../files/projectFiles'
import { desktopBridge } from '../files/desktopFiles'
import { keepLinkedFiles } from '../data/dataFileStore'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { localDataForLink } from './linkData'
import { followShareHistory, keepNetworkBeforeShare, markShareEntry } from './shareHistory'

/** Where a link opens: the desktop app's own scheme, or this page (the browser build). */
export const DESKTOP_SHARE_BASE = 'axon-studio://open'

export type ShareLink =
  | { ok: true; url: string; forDesktop: boolean; data: { carried: boolean; text: string } | null }
  | { ok: false; message: string; withoutData?: string }

/** The link that carries the network now on the canvas, with its local data files when they fit. */
export async function currentShareLink(): Promise<ShareLink> {
  const project = useDocument.getState().project
  const forDesktop = Boolean(desktopBridge())
  const base = forDesktop ? DESKTOP_SHARE_BASE : `${location.origin}${location.pathname}`
  const local = await localDataForLink(project.data)
  const files = 'files' in local ? local.files : []
  const encoded = shareFragment(project, files)
  if (encoded.ok) {
    const size = files.reduce((n, f) => n + f.bytes.length, 0)
    const data =
      'missing' in local
        ? { carried: false, text: `${local.missing} The link carries the network without its data: whoever opens it chooses the file themselves.` }
        : files.length > 0
          ? { carried: true, text: `The link carries the data: ${files.map((f) => f.name).join(', ')} (${shareSizeText(size)}).` }
          : null
    return { ok: true, url: `${base}#${encoded.fragment}`, forDesktop, data }
  }
  if (files.length === 0) return encoded
  const without = shareFragment(project)
  return { ok: false, message: encoded.message, ...(without.ok ? { withoutData: `${base}#${without.fragment}` } : {}) }
}

/** How opening a link ended. */
type ShareOutcome = 'opened' | 'declined' | 'unreadable'

/**
 * Opens the network a link carries (the text after `share=`), with the data files it brought:
 * a damaged or too-new link says so; unsaved work is replaced only when the user agrees (the
 * question names the shared network: the user pasted a link, and may not know what it holds;
 * `backTo` is the network Back in this tab returns to, said in the question and the notice). A
 * link declined can be opened later by `retry` (offered beside the notice) where there is one.
 */
async function openShare(text: string, { retry, backTo }: { retry?: () => void; backTo?: string } = {}): Promise<ShareOutcome> {
  const ui = useUi.getState()
  const read = readShareText(text)
  if (!read.ok) {
    ui.notify({ kind: 'error', text: read.message })
    return 'unreadable'
  }
  if (!confirmLeave({ what: `the shared network “${read.project.meta.title}”`, backReturns: backTo !== undefined })) {
    const later = retry ? ' The link stays in the address bar to open later.' : ' Open the link again to load it.'
    ui.notify({ kind: 'info', text: `The shared network was not opened; your network is as it was.${later}`, ...(retry ? { action: { label: 'Open it now', run: retry } } : {}) })
    return 'declined'
  }
  // The files first, each kept apart from the user's own files: loading the project reopens its data from them.
  let project = read.project
  if (read.files.length > 0 && project.data.kind === 'file') {
    const kept = await keepLinkedFiles(read.files)
    project = { ...project, data: withDataPaths(project.data, (name) => kept.get(name) ?? name) }
  }
  forgetFileHandle()
  useDocument.getState().load(project)
  ui.select([])
  ui.setCardOpen(Boolean(project.meta.description))
  const withData = read.files.length > 0 ? ` with its data (${read.files.map((f) => f.name).join(', ')})` : ''
  const back = backTo === undefined ? '' : ` Back in the browser returns to “${backTo}”.`
  ui.notify({ kind: 'info', text: `Opened the shared network “${project.meta.title}”${withData}.${back}` })
  return 'opened'
}

/** Opens the network a link carries (see `openShare`); true when it opened. */
export async function openShareText(text: string): Promise<boolean> {
  return (await openShare(text)) === 'opened'
}

/** Opens a link pasted by the user, in either build's form; false (with the reason) when it is none. */
export async function openPastedLink(pasted: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const link = readShareLink(pasted)
  if (!link) return { ok: false, message: 'That is not a share link: paste the whole link, starting https://… or axon-studio://…, with its #share= part.' }
  const read = readShareText(link.text)
  if (!read.ok) return read
  return (await openShareText(link.text)) ? { ok: true } : { ok: false, message: 'The shared network was not opened; your network is as it was.' }
}

/**
 * Opens the link in this page's URL, if any: at start-up, and when one is pasted into this tab's
 * address bar (`inTab`: then Back returns to the network the tab had, see shareHistory.ts). Once
 * opened (or unreadable) it is taken out of the URL, so a reload does not open it again over the
 * work it became; a link the user declined stays, so a reload (or the notice's button) can still
 * open it.
 */
export function openShareFromLocation(inTab = false): void {
  const text = shareTextOf(location.hash)
  if (text !== null) void openLinkInAddress(text, inTab)
}

async function openLinkInAddress(text: string, inTab: boolean): Promise<void> {
  const before = inTab ? keepNetworkBeforeShare() : null
  const outcome = await openShare(text, { retry: () => void openLinkInAddress(text, inTab), backTo: before?.project.meta.title })
  // The address moved on meanwhile (Back after declining): the entry is not this link's.
  if (shareTextOf(location.hash) !== text) return
  if (outcome === 'opened') markShareEntry(text, before)
  else if (outcome === 'unreadable') history.replaceState(null, '', `${location.pathname}${location.search}`)
}

/** Back and Forward around the shared networks opened in this tab (the browser build). */
export function followShareLinkHistory(): () => void {
  const reopen = async (text: string, backTo: string) => (await openShare(text, { backTo })) === 'opened'
  return followShareHistory(reopen, (what) => confirmLeave({ what, backReturns: false }))
}
