import { afterEach, describe, expect, it } from 'vitest'
import * as Comlink from 'comlink'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { closableEndpoint } from './closableEndpoint'

const reason = { name: 'EngineStoppedError', message: 'The engine stopped; this call was lost.' }
const ports: MessagePort[] = []
afterEach(() => ports.splice(0).forEach((p) => p.close()))

function channel() {
  const { port1, port2 } = new MessageChannel()
  ports.push(port1, port2)
  return { port1: port1 as unknown as Comlink.Endpoint, port2: port2 as unknown as Comlink.Endpoint }
}

describe('closable Comlink endpoint', () => {
  it('passes calls and replies through while open', async () => {
    const { port1, port2 } = channel()
    Comlink.expose({ add: (a: number, b: number) => a + b }, port2)
    const remote = Comlink.wrap<{ add(a: number, b: number): number }>(closableEndpoint(port1, reason))
    expect(await remote.add(2, 3)).toBe(5)
  })

  it('rejects a call that never gets its answer when closed, and every later call', async () => {
    const { port1, port2 } = channel()
    Comlink.expose({ hang: () => new Promise(() => {}), now: () => 1 }, port2)
    const endpoint = closableEndpoint(port1, reason)
    const remote = Comlink.wrap<{ hang(): Promise<never>; now(): number }>(endpoint)
    expect(await remote.now()).toBe(1)
    const hanging = remote.hang()
    endpoint.close()
    await expect(hanging).rejects.toMatchObject({ name: 'EngineStoppedError', message: reason.message })
    await expect(remote.now()).rejects.toThrow(reason.message)
  })
})
