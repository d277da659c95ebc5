import { afterEach, describe, expect, it } from 'vitest'
import * as Comlink from 'comlink'
import type { MessagePortMain } from 'electron'
import type { MessagePort } from 'node:worker_threads'
import { mainPortEndpoint } from './mainPortEndpoint'
import { connectEngine, serveEngine } from '../engine/host/rpc/connect'
import type { EngineEvent, StreamDemoEvent } from '../engine/host/events'
import { createFakeMainToRendererChannel, type FakeMessagePortMain } from '../../test/fakeMessagePortMain'

/** The Electron topology, minus Electron: engine on MessagePortMain ends, renderer on plain ports. */
function startFakeElectronEngine(onEvent: (event: EngineEvent) => void) {
  const rpc = createFakeMainToRendererChannel()
  const events = createFakeMainToRendererChannel()
  const asMain = (port: FakeMessagePortMain) => mainPortEndpoint(port as unknown as MessagePortMain)
  serveEngine(asMain(rpc.main), asMain(events.main), () => new Promise((resolve) => setImmediate(resolve)))
  const asRenderer = (port: MessagePort) => port as unknown as Comlink.Endpoint
  const engine = connectEngine(asRenderer(rpc.renderer), asRenderer(events.renderer), onEvent)
  const close = () => [rpc, events].forEach((c) => (c.main.close(), c.renderer.close()))
  return { engine, close }
}

describe('Comlink over (fake) Electron MessagePortMain', () => {
  let close: (() => void) | undefined
  afterEach(() => close?.())

  it('answers its version', async () => {
    const host = startFakeElectronEngine(() => {})
    close = host.close
    expect(typeof (await host.engine.version())).toBe('string')
  })

  it('streams 120 events with Float32Array payloads, copied rather than transferred', async () => {
    const events: StreamDemoEvent[] = []
    const host = startFakeElectronEngine((event) => void (event.kind === 'streamDemo' && events.push(event)))
    close = host.close
    const summary = await host.engine.streamDemo('e-1', { count: 120, length: 32 })
    expect(summary).toEqual({ runId: 'e-1', status: 'finished', emitted: 120, transferred: 0 })
    expect(events.map((e) => e.index)).toEqual([...Array(120).keys()])
    expect(events[119].data).toBeInstanceOf(Float32Array)
    expect(events[119].data[16]).toBeCloseTo(119.5, 5)
  })

  it('cancels mid-stream', async () => {
    const events: StreamDemoEvent[] = []
    const host = startFakeElectronEngine((event) => {
      if (event.kind !== 'streamDemo') return
      events.push(event)
      if (event.index === 25) void host.engine.cancel('e-2')
    })
    close = host.close
    const summary = await host.engine.streamDemo('e-2', { count: 5000, length: 8 })
    expect(summary.status).toBe('cancelled')
    expect(summary.emitted).toBeGreaterThan(25)
    expect(summary.emitted).toBeLessThan(45)
  })

  it('ends a stream whose page went away instead of waiting on it forever', async () => {
    const rpc = createFakeMainToRendererChannel()
    const events = createFakeMainToRendererChannel()
    const asMain = (port: FakeMessagePortMain) => mainPortEndpoint(port as unknown as MessagePortMain)
    const api = serveEngine(asMain(rpc.main), asMain(events.main), () => new Promise((resolve) => setImmediate(resolve)))
    let received = 0
    // The page takes the first event and never answers (it is about to reload).
    connectEngine(rpc.renderer as unknown as Comlink.Endpoint, events.renderer as unknown as Comlink.Endpoint, () => {
      received++
      return new Promise<void>(() => {})
    })
    const stream = api.streamDemo('gone', { count: 1000, length: 4 })
    await expect.poll(() => received).toBe(1)
    events.renderer.close()
    rpc.renderer.close()
    await expect(stream).rejects.toMatchObject({ name: 'PageGoneError' })
  })

  it('drops non-port transferables and unwraps events', () => {
    const sent: unknown[][] = []
    const listeners: Array<(e: { data: unknown; ports: unknown[] }) => void> = []
    const port = {
      postMessage: (msg: unknown, transfer: unknown[]) => sent.push([msg, transfer]),
      on: (name: string, h: (e: { data: unknown; ports: unknown[] }) => void) => void (name === 'message' && listeners.push(h)),
      off: () => {},
      start: () => {},
    }
    const endpoint = mainPortEndpoint(port as unknown as MessagePortMain)
    const buffer = new ArrayBuffer(8)
    endpoint.postMessage({ x: 1 }, [buffer])
    expect(sent).toEqual([[{ x: 1 }, []]])
    let received: unknown
    endpoint.addEventListener('message', (event) => (received = (event as MessageEvent).data))
    listeners[0]({ data: 'hello', ports: [] })
    expect(received).toBe('hello')
  })
})
