/**
 * Paces the page's reports to main of what a close would lose (`DocumentState`): a change in
 * what main would ask (unsaved edits, a run or sweep starting or ending, the name) goes at once,
 * so a close right after it asks the right question; the progress texts only ("epoch 12,
 * iteration 480" moves with every snapshot) at most once per `intervalMs`, the latest then.
 */
import type { DocumentState } from '../../../shared/ipc'

export interface ReportTimers {
  set(run: () => void, ms: number): unknown
  clear(timer: unknown): void
}

const browserTimers: ReportTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}

/** What decides main's question: the rest of a state is wording. */
const questionOf = (s: DocumentState) => JSON.stringify([s.dirty, s.name, s.run !== null, s.sweep !== null])
const sameState = (a: DocumentState, b: DocumentState) => questionOf(a) === questionOf(b) && a.run === b.run && a.sweep === b.sweep

/** Returns `report(state)`: call it with every new state; `send` hears the paced ones. */
export function createStateReporter(send: (state: DocumentState) => void, intervalMs = 1000, timers: ReportTimers = browserTimers): (state: DocumentState) => void {
  let sent: DocumentState | null = null
  let latest: DocumentState | null = null
  let timer: unknown = null
  const sendNow = (state: DocumentState) => {
    if (timer !== null) timers.clear(timer)
    timer = null
    sent = state
    send(state)
  }
  const flush = () => {
    timer = null
    if (latest && sent && !sameState(latest, sent)) sendNow(latest)
  }
  return (state) => {
    latest = state
    if (sent && sameState(state, sent)) return
    if (!sent || questionOf(state) !== questionOf(sent)) return sendNow(state)
    timer ??= timers.set(flush, intervalMs)
  }
}
