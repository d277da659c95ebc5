/**
 * The one question main asks before the page goes (window close, Quit, Reload): everything that
 * would be lost, in one dialog. Unsaved edits to a file ask "Save the changes?" (Save / Don't
 * Save / Cancel) and say that a run or sweep under way stops too; a run or sweep alone asks
 * "Stop training?" (Stop and Quit / Cancel, Cancel the default: it keeps the run going).
 * The graph itself is never at stake (the autosave keeps it); a run's progress cannot be kept.
 * Electron-free: `unsavedChanges.ts` asks it, `appWindow.ts` shows it with `dialog`.
 */
import type { DocumentState } from '../shared/ipc'

export type SaveChoice = 'save' | 'discard' | 'cancel'
/** What is about to happen to the page. */
export type Leaving = 'close' | 'quit' | 'reload'

export interface CloseQuestion {
  /** What each button means, in the dialog's order: `dialog.showMessageBox` answers an index into it. */
  choices: SaveChoice[]
  options: {
    type: 'warning'
    buttons: string[]
    defaultId: number
    cancelId: number
    noLink: true
    title: string
    message: string
    detail: string
  }
}

const VERB: Record<Leaving, { ing: string; button: string; ask: string; anyway: string }> = {
  close: { ing: 'Closing', button: 'Stop and Close', ask: 'close the window', anyway: 'Close Anyway' },
  quit: { ing: 'Quitting', button: 'Stop and Quit', ask: 'quit', anyway: 'Quit Anyway' },
  reload: { ing: 'Reloading', button: 'Stop and Reload', ask: 'reload', anyway: 'Reload Anyway' },
}

/** Whether the page going loses something: unsaved edits to a file, a run's progress, a sweep under way. */
export function closeLoses(state: DocumentState): boolean {
  return state.dirty || state.run !== null || state.sweep !== null
}

/** "Quitting stops the training run (epoch 12, iteration 480) and the sweep (…): …" or '' when nothing runs. */
function stopsText(state: DocumentState, leaving: Leaving): string {
  const { run, sweep } = state
  const stops = [run && `the training run (${run})`, sweep && `the sweep (${sweep})`].filter(Boolean).join(' and ')
  if (!stops) return ''
  const lost = [run && 'the weights it has trained', sweep && 'the sweep’s unfinished runs'].filter(Boolean).join(' and ')
  const keep = run ? ' To keep the weights, choose Cancel and export the model first.' : ''
  return `${VERB[leaving].ing} stops ${stops}; ${lost} will be lost.${keep}`
}

/** "Training is under way" for the message of a dialog with nothing unsaved. */
function runningMessage(state: DocumentState, leaving: Leaving): string {
  const what = state.run !== null ? 'training' : 'the sweep'
  const where = state.name ? ` of “${state.name}”` : ''
  return `Stop ${what}${where} and ${VERB[leaving].ask}?`
}

/** The dialog for the page's latest state (`state`) as it is about to go (`leaving`). */
export function closeQuestion(state: DocumentState, leaving: Leaving): CloseQuestion {
  const base = { type: 'warning' as const, noLink: true as const, title: 'Axon Studio' }
  const stops = stopsText(state, leaving)
  // The page objected with nothing known here (its report is still on its way): ask as for unsaved edits.
  if (state.dirty || !closeLoses(state)) {
    const choices: SaveChoice[] = ['save', 'discard', 'cancel']
    return {
      choices,
      options: {
        ...base,
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        message: `Save the changes to “${state.name}”?`,
        detail: `Your changes will be lost if you don’t save them.${stops ? ` ${stops}` : ''}`,
      },
    }
  }
  return {
    choices: ['discard', 'cancel'],
    // Cancel is the default: Enter or Escape keeps the run going.
    options: { ...base, buttons: [VERB[leaving].button, 'Cancel'], defaultId: 1, cancelId: 1, message: runningMessage(state, leaving), detail: stops },
  }
}

/**
 * The page does not answer while a close, Quit or Save waits on it (a script stuck in a loop,
 * the machine swapping): it cannot save, so the question is whether to go without it. Wait, the
 * default, keeps waiting on the page; '…Anyway' ends it.
 */
export function unresponsiveQuestion(state: DocumentState, leaving: Leaving): CloseQuestion {
  const unsaved = state.dirty ? ` It cannot save “${state.name}” now: the changes since the autosave last wrote them will be lost (what it wrote comes back when Axon Studio opens again).` : ''
  const stops = state.run !== null || state.sweep !== null ? ` ${VERB[leaving].ing} stops the ${state.run !== null ? 'training run' : 'sweep'}.` : ''
  return {
    choices: ['discard', 'cancel'],
    options: {
      type: 'warning',
      noLink: true,
      title: 'Axon Studio',
      buttons: [VERB[leaving].anyway, 'Wait'],
      defaultId: 1,
      cancelId: 1,
      message: 'Axon Studio’s window is not responding.',
      detail: `Wait gives it time to finish what it is doing.${unsaved}${stops}`,
    },
  }
}

/** The choice a dialog's answer (a button index) means; anything else is Cancel. */
export function choiceOf(question: CloseQuestion, response: number): SaveChoice {
  return question.choices[response] ?? 'cancel'
}
