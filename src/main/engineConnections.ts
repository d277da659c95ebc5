/**
 * The engine process serves one page at a time. Each `axon:engine` message (the page loaded or
 * reloaded, see engineSupervisor.ts) replaces the previous connection: its ports are closed,
 * which rejects the old page's pending calls and ends its training loop, so reloads never
 * pile up engines nor leave a run streaming into a dead page.
 */

export interface Closable {
  close(): void
}

export interface EngineConnections<P> {
  connect(rpc: P, events: P): void
  /** Connections being served (0 or 1). */
  readonly live: number
}

export function createEngineConnections<P extends Closable>(serve: (rpc: P, events: P) => Closable): EngineConnections<P> {
  let current: { ports: P[]; link: Closable } | null = null
  return {
    connect(rpc, events) {
      if (current) {
        current.link.close()
        current.ports.forEach((port) => port.close())
      }
      current = { ports: [rpc, events], link: serve(rpc, events) }
    },
    get live() {
      return current ? 1 : 0
    },
  }
}
