/**
 * Open Recent: the last projects opened or saved, newest first, kept in a small JSON file in
 * the user's data folder (per OS user). A path on this list was picked by the user once, so
 * main grants the page access to it again.
 */

export const MAX_RECENT = 10

export interface TextStore {
  read(): string | null
  /** Main's resolves once the list is on the disk (written as a saved project is: writeFileSafely). */
  write(text: string): void | Promise<void>
}

export interface RecentFiles {
  list(): string[]
  add(path: string): void
  remove(path: string): void
  clear(): void
}

export function createRecentFiles(store: TextStore): RecentFiles {
  let paths: string[] = []
  try {
    const parsed: unknown = JSON.parse(store.read() ?? '[]')
    if (Array.isArray(parsed)) paths = parsed.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT)
  } catch {
    paths = [] // a damaged list is not worth an error: it refills as files are opened
  }
  // One write at a time, the newest list next: two writes at once would share the temporary
  // file beside the list, and the older list could land last.
  let next: string | null = null
  let writing = false
  const drain = async () => {
    writing = true
    while (next !== null) {
      const text = next
      next = null
      try {
        const written = store.write(text)
        if (written instanceof Promise) await written // a store that writes at once is left at once
      } catch {
        // read-only profile: the list lives for this session only
      }
    }
    writing = false
  }
  const save = () => {
    next = JSON.stringify(paths)
    if (!writing) void drain()
  }
  return {
    list: () => [...paths],
    add(path) {
      paths = [path, ...paths.filter((p) => p !== path)].slice(0, MAX_RECENT)
      save()
    },
    remove(path) {
      paths = paths.filter((p) => p !== path)
      save()
    },
    clear() {
      paths = []
      save()
    },
  }
}
