/** Saves a blob as a download named `name` (the browser's or Electron's own save flow). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  // Revoked later: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Saves `text` as a download named `name`. */
export const downloadText = (name: string, text: string, type: string): void => downloadBlob(new Blob([text], { type }), name)
