/**
 * Electron rejects `ipcRenderer.invoke` with main's error wrapped in its own words:
 * "Error invoking remote method 'file:save': FileWriteError: The disk is full: …". The page shows
 * errors to the user ("Could not save: …"), so the preload keeps only main's message.
 */
export function remoteErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '')
}
