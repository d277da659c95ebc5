/**
 * Requests from main to the renderer that want an answer (e.g. "save now, did it work?"), over
 * one-way IPC: each request carries an id, the answer names it. A renderer that never answers
 * (hung, or reloaded meanwhile) settles the request with `fallback` after `timeoutMs`.
 */

export interface RendererRequests<T> {
  request(): Promise<T>
  answer(id: unknown, value: T): void
  /** Settle everything pending with the fallback (the page went away). */
  abandon(): void
}

export function createRendererRequests<T>(
  send: (id: number) => void,
  fallback: T,
  timeoutMs: number,
  timers: { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): RendererRequests<T> {
  let nextId = 0
  const pending = new Map<number, { resolve: (value: T) => void; timer: unknown }>()
  const settle = (id: number, value: T) => {
    const entry = pending.get(id)
    if (!entry) return
    pending.delete(id)
    timers.clear(entry.timer)
    entry.resolve(value)
  }
  return {
    request() {
      const id = ++nextId
      return new Promise<T>((resolve) => {
        pending.set(id, { resolve, timer: timers.set(() => settle(id, fallback), timeoutMs) })
        send(id)
      })
    },
    answer(id, value) {
      if (typeof id === 'number') settle(id, value)
    },
    abandon() {
      for (const id of [...pending.keys()]) settle(id, fallback)
    },
  }
}
