/**
 * The question before a window closes, the app quits or the page reloads, driven from main:
 * unsaved edits to a file ("Save changes?") and a training run or sweep under way ("Stop
 * training?"), in one dialog (`closeQuestion.ts` words it).
 *
 * Why main: a renderer's `beforeunload` that calls `preventDefault()` makes Electron cancel the
 * close silently (no dialog, unlike a browser). So the renderer only reports what it would lose
 * (`document:state`), and main asks with a native dialog:
 * - `close` (window close and quit): an async dialog; Save asks the renderer to save and closes
 *   only when that worked; the close is then approved, so the page's own `beforeunload` (which
 *   still fires) is let through. Cancel keeps the window, and the run in it, going.
 * - `will-prevent-unload` (Reload, or a close main let through before the page's latest report
 *   arrived): Electron needs the answer synchronously, so a sync dialog; Save cancels this
 *   unload, saves, and closes or reloads once saved.
 * Electron-free: main passes in the dialog and the renderer calls; tests pass fakes.
 */
import type { DocumentState } from '../shared/ipc'
import { closeLoses, closeQuestion, type CloseQuestion, type Leaving, type SaveChoice } from './closeQuestion'

export type { SaveChoice } from './closeQuestion'

export interface UnsavedGuardDeps {
  askAsync(question: CloseQuestion): Promise<SaveChoice>
  askSync(question: CloseQuestion): SaveChoice
  /** Ask the renderer to save; true once the file is written (false if cancelled or failed). */
  save(): Promise<boolean>
  /** The user kept the window open (Cancel, or a Save that did not happen): a Quit under way is off. */
  cancelled?(): void
  /** Whether a close under way is the app quitting (the dialog then says Quit); a close if absent. */
  quitting?(): boolean
}

export interface CancellableEvent {
  preventDefault(): void
}

export interface UnsavedGuard {
  /** The renderer's latest report (`document:state`). */
  setState(state: DocumentState): void
  /** Window `close`: cancels it while it asks; calls `close` again once the user agreed. */
  onClose(event: CancellableEvent, close: () => void): void
  /**
   * `will-prevent-unload` (the page's `beforeunload` objected): preventDefault = let the page
   * unload. It comes for a reload, or for a close main let through before the page's latest
   * state arrived; Save then saves and closes (`close`) or reloads (`reload`), as was asked.
   */
  onWillPreventUnload(event: CancellableEvent, then: { reload: () => void; close: () => void }): void
  /** The page reloaded or was replaced: it will report its state again. */
  reset(): void
}

const NOTHING_REPORTED: DocumentState = { dirty: false, name: '', run: null, sweep: null }

export function createUnsavedGuard(deps: UnsavedGuardDeps): UnsavedGuard {
  let state: DocumentState = NOTHING_REPORTED
  let approved = false
  let asking = false
  /** A close main let through (nothing unsaved as far as it knew) is under way. */
  let closing = false
  const keptOpen = () => {
    closing = false
    deps.cancelled?.()
  }

  const closeKind = (): Leaving => (deps.quitting?.() ? 'quit' : 'close')

  async function decide(): Promise<boolean> {
    const choice = await deps.askAsync(closeQuestion(state, closeKind()))
    if (choice === 'cancel') return false
    if (choice === 'discard') return true
    return deps.save().catch(() => false)
  }

  return {
    setState: (next) => void (state = next),
    onClose(event, close) {
      if (approved || !closeLoses(state)) return void (closing = true)
      event.preventDefault()
      if (asking) return
      asking = true
      void decide()
        // A dialog that cannot be shown must not keep the window open without a word: the autosave keeps the work.
        .catch(() => true)
        .then((ok) => {
          asking = false
          if (!ok) return keptOpen()
          approved = true
          close()
        })
    },
    onWillPreventUnload(event, then) {
      if (approved) return event.preventDefault()
      const choice = deps.askSync(closeQuestion(state, closing ? closeKind() : 'reload'))
      if (choice === 'discard') return event.preventDefault()
      const after = closing ? then.close : then.reload
      if (choice === 'cancel') return keptOpen()
      // Save: this unload is off; the close or reload is done again once the file is written.
      void deps.save().then(
        (ok) => {
          if (!ok) return keptOpen()
          approved = true
          after()
        },
        keptOpen,
      )
    },
    reset() {
      state = NOTHING_REPORTED
      approved = false
      closing = false
    },
  }
}
