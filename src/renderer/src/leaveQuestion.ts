/**
 * What to ask before another document replaces this one: what would be lost (unsaved changes)
 * and what would be stopped (a training run, a sweep under way). null when nothing would be.
 */
export interface LeaveLosses {
  dirty: boolean
  /** The run's progress ("epoch 12 of 300"), when a run has some. */
  run: string | null
  /** The sweep's progress ("2 of 12 runs done"), when one is under way. */
  sweep: string | null
  /**
   * What is opening, when the user did not pick it here and so must be told (a share link pasted
   * into the address bar): "the shared network “XOR”"; and whether Back brings this network back.
   */
  opening?: { what: string; backReturns: boolean }
}

export function leaveQuestion({ dirty, run, sweep, opening }: LeaveLosses): string | null {
  const stops = [run && `stop its training (${run})`, sweep && `stop its sweep (${sweep})`].filter(Boolean)
  if (!dirty && stops.length === 0) return null
  if (opening) return openingQuestion(opening, { dirty, run, sweep })
  const and = stops.length ? ` and ${stops.join(' and ')}` : ''
  if (dirty) return `Discard the unsaved changes to this network${and}?`
  return `Open another network${and}?${run ? ' Export the model first to keep the trained weights.' : ''}`
}

/** "Open the shared network “A” in place of this network? Its unsaved changes are discarded. … Cancel keeps this network as it is." */
function openingQuestion(opening: { what: string; backReturns: boolean }, { dirty, run, sweep }: LeaveLosses): string {
  const losses = [dirty && 'its unsaved changes are discarded', run && `its training (${run}) stops`, sweep && `its sweep (${sweep}) stops`].filter((l): l is string => Boolean(l))
  const said = losses.length > 1 ? `${losses.slice(0, -1).join(', ')} and ${losses.at(-1)}` : losses[0]
  const back = dirty && opening.backReturns ? ' Back in the browser brings them back while this tab stays open.' : ''
  return `Open ${opening.what} in place of this network? ${said[0].toUpperCase()}${said.slice(1)}.${back} Cancel keeps this network as it is.`
}

/**
 * Whether the page's `beforeunload` objects to a close or reload: a saved file with unsaved
 * edits, a run's progress or a sweep under way (none of which the autosave can keep). On
 * desktop main has asked already (the page reports these, `desktopDocument.ts`) and lets an
 * approved close through; an objection it did not expect gets its question there
 * (`will-prevent-unload`), never a silent refusal.
 */
export function unloadObjects({ unsavedFile, run, sweep }: { unsavedFile: boolean; run: string | null; sweep: string | null }): boolean {
  return unsavedFile || run !== null || sweep !== null
}
