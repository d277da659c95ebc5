/**
 * Requests from main to the renderer that want an answer (e.g. "save now, did it work?"), over
 * one-way IPC: each request carries an id, the answer names it. The page says at once that it
 * took a request (the answer may take long: a Save dialog); one that has not taken it within
 * `takeMs` is not answering (hung): `untaken` is called, and the request still waits. A renderer
 * that never answers (hung, or reloaded meanwhile) settles the request with `fallback` after
 * `timeoutMs`.
 */

export interface RendererRequests<T> {
  request(): Promise<T>
  /** The page has the request (the preload says so as it passes it on). */
  taken(id: unknown): void
  answer(id: unknown, value: T): void
  /** Settle everything pending with the fallback (the page went away). */
  abandon(): void
}

export interface RendererRequestTimes {
  /** Longest wait for the answer. */
  timeoutMs: number
  /** Longest wait for the page to take a request before `untaken` is called. */
  takeMs: number
  untaken(): void
}

type Timers = { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void }

export function createRendererRequests<T>(
  send: (id: number) => void,
  fallback: T,
  times: RendererRequestTimes,
  timers: Timers = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): RendererRequests<T> {
  let nextId = 0
  const pending = new Map<number, { resolve: (value: T) => void; timer: unknown; takeTimer: unknown }>()
  const settle = (id: number, value: T) => {
    const entry = pending.get(id)
    if (!entry) return
    pending.delete(id)
    timers.clear(entry.timer)
    timers.clear(entry.takeTimer)
    entry.resolve(value)
  }
  return {
    request() {
      const id = ++nextId
      return new Promise<T>((resolve) => {
        const timer = timers.set(() => settle(id, fallback), times.timeoutMs)
        const takeTimer = timers.set(() => pending.has(id) && times.untaken(), times.takeMs)
        pending.set(id, { resolve, timer, takeTimer })
        send(id)
      })
    },
    taken(id) {
      const entry = typeof id === 'number' ? pending.get(id) : undefined
      if (entry) timers.clear(entry.takeTimer)
    },
    answer(id, value) {
      if (typeof id === 'number') settle(id, value)
    },
    abandon() {
      for (const id of [...pending.keys()]) settle(id, fallback)
    },
  }
}
