/**
 * Chromium switches main sets before the app is ready, each with why.
 *
 * The autosave lives in localStorage (src/renderer/src/files/autosave.ts), which Chromium writes
 * to disk on its own schedule (storage_area_impl.cc, local_storage_impl.cc): 5 s after a change,
 * and rate-limited to 60 commits and 10 MB an hour, so after some minutes of editing a network
 * whose autosave is a few hundred KB, a commit can wait tens of minutes. A quit writes it all;
 * a power cut, a frozen machine reset, a kill, or Windows ending the process after session-end
 * lost everything not yet committed. With aggressive flushing each change is on disk a second
 * later, whatever the rates (ComputeCommitDelay), which is what "a crash loses nothing" needs.
 * The storage service reads the switch when it starts, after the app is ready.
 */
export const CHROMIUM_SWITCHES: ReadonlyArray<{ name: string; why: string }> = [
  { name: 'enable-aggressive-domstorage-flushing', why: "the autosave on disk a second after each change, not on Chromium's rate-limited schedule" },
]
