/**
 * The notice's offer of work kept from other tabs ("Work from another tab is kept too." and its
 * "Open it"), added to the notice on screen. When no work is kept any more, only that offer is
 * taken back: a notice's own second button stays (a model opened in the page's first second,
 * before the other tabs had answered, lost its "Open as a new project" to that answer).
 */
import type { Notice } from '../store/uiStore'
import { keptWorkText } from './autosaveSlots'

/** The "Open it" buttons made here: the only second buttons taken back when nothing is kept. */
const offers = new WeakSet<object>()

/** `base` (the notice on screen) with the offer of `keptCount` kept works, or without an offer made here when there are none. */
export function keptOfferNotice(keptCount: number, open: () => void, base: Notice | null): Notice | null {
  if (keptCount === 0) return base?.otherAction && offers.has(base.otherAction) ? { ...base, otherAction: undefined } : base
  const start = base?.text.replace(/ (Work from (another tab|\d+ other tabs) is kept too\.)$/, '')
  const text = keptWorkText(keptCount)
  const otherAction = { label: keptCount === 1 ? 'Open it' : 'Open the next', run: open }
  offers.add(otherAction)
  return { kind: base?.kind ?? 'info', action: base?.action, text: start ? `${start} ${text}` : text, otherAction }
}
