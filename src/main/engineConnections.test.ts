/**
 * Port lifecycle across reloads, end to end minus Electron: the supervisor (main) hands each
 * loaded page a connection, the engine host keeps only the newest, and a page that went away
 * leaves nothing behind in the engine — not a served API, not an open port.
 */
import { describe, expect, it } from 'vitest'
import { createEngineSupervisor, type EngineChild } from './engineSupervisor'
import { createEngineConnections } from './engineConnections'

class FakePort {
  closed = false
  constructor(readonly name: string) {}
  close() {
    this.closed = true
  }
}

describe('engine ports across reloads', () => {
  it('serves one connection after 5 reloads, with every earlier port closed', () => {
    const served: FakePort[][] = []
    const unserved: FakePort[][] = []
    const host = createEngineConnections<FakePort>((rpc, events) => {
      served.push([rpc, events])
      return { close: () => unserved.push([rpc, events]) }
    })
    const rendererPorts: FakePort[] = []
    let n = 0
    const supervisor = createEngineSupervisor<FakePort>({
      fork: (): EngineChild<FakePort> => ({
        postMessage: (_message, [rpc, events]) => host.connect(rpc, events),
        once: () => undefined,
        kill: () => true,
      }),
      createChannel: () => ({ port1: new FakePort(`e${++n}`), port2: new FakePort(`r${n}`) }),
      connectRenderer: ({ rpc, events }) => rendererPorts.push(rpc, events),
      reportFailure: () => {},
      now: () => 0,
    })
    supervisor.start()
    for (let load = 0; load < 6; load++) supervisor.rendererLoaded() // first load + 5 reloads
    expect(served).toHaveLength(6)
    expect(host.live).toBe(1)
    expect(unserved).toEqual(served.slice(0, 5))
    expect(served.slice(0, 5).flat().every((p) => p.closed)).toBe(true)
    expect(served[5].some((p) => p.closed)).toBe(false)
    expect(rendererPorts).toHaveLength(12)
  })
})
