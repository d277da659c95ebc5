/**
 * Share links in the app: the link of the network on the canvas, and opening a link's network
 * (from the page's URL in the browser build, or handed over by the desktop app), never over
 * unsaved work without asking.
 */
import { readShareText, shareFragment, shareTextOf } from '../../../engine/project/share'
import { confirmLeave } from '../commands'
import { forgetFileHandle } from '../files/projectFiles'
import { desktopBridge } from '../files/desktopFiles'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'

/** Where a link opens: the desktop app's own scheme, or this page (the browser build). */
export const DESKTOP_SHARE_BASE = 'axon-studio://open'

export type ShareLink = { ok: true; url: string } | { ok: false; message: string }

/** The link that carries the network now on the canvas. */
export function currentShareLink(): ShareLink {
  const encoded = shareFragment(useDocument.getState().project)
  if (!encoded.ok) return encoded
  const base = desktopBridge() ? DESKTOP_SHARE_BASE : `${location.origin}${location.pathname}`
  return { ok: true, url: `${base}#${encoded.fragment}` }
}

/**
 * Opens the network a link carries (the text after `share=`): a damaged or too-new link says
 * so; unsaved work is replaced only when the user agrees. True when it opened.
 */
export function openShareText(text: string): boolean {
  const ui = useUi.getState()
  const read = readShareText(text)
  if (!read.ok) {
    ui.notify({ kind: 'error', text: read.message })
    return false
  }
  if (!confirmLeave()) {
    ui.notify({ kind: 'info', text: 'The shared network was not opened; your network is as it was. Open the link again to load it.' })
    return false
  }
  forgetFileHandle()
  useDocument.getState().load(read.project)
  ui.select([])
  ui.setCardOpen(Boolean(read.project.meta.description))
  ui.notify({ kind: 'info', text: `Opened the shared network “${read.project.meta.title}”.` })
  return true
}

/** Opens the link in this page's URL, if any, and takes it out of the URL (a reload must not open it again). */
export function openShareFromLocation(): void {
  const text = shareTextOf(location.hash)
  if (text === null) return
  history.replaceState(null, '', `${location.pathname}${location.search}`)
  openShareText(text)
}
