/**
 * The engine's Comlink surface over a real worker_threads channel: only its methods, by name,
 * with arguments of the right kind. Prototype walks and bad arguments reject; nothing leaks
 * into the engine's Object.prototype.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Comlink from 'comlink'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { connectEngine, serveEngine } from './connect'
import { createFacade } from './facade'
import { ENGINE_ARGUMENTS } from './argumentChecks'
import { createEngineApi, type EngineApi } from '../api'

const ports: MessagePort[] = []
afterEach(() => ports.splice(0).forEach((p) => p.close()))

function engine() {
  const rpc = new MessageChannel()
  const events = new MessageChannel()
  ports.push(rpc.port1, rpc.port2, events.port1, events.port2)
  const ep = (p: MessagePort) => p as unknown as Comlink.Endpoint
  serveEngine(ep(rpc.port1), ep(events.port1), () => new Promise((resolve) => setImmediate(resolve)))
  return connectEngine(ep(rpc.port2), ep(events.port2), () => {})
}

/** A remote whose type allows any path, to send what a compromised page could send. */
type Anything = Comlink.Remote<Record<string, Record<string, Record<string, (...args: unknown[]) => unknown>>>>

describe('engine facade', () => {
  it('answers its methods', async () => {
    const remote = engine()
    expect(typeof (await remote.version())).toBe('string')
    const opened = await remote.openCsv('x.csv', new TextEncoder().encode('a,b\n1,2\n3,4\n'))
    expect(opened.ok).toBe(true)
  })

  it('refuses prototype walks, property reads and writes, and unknown methods', async () => {
    const remote = engine() as unknown as Anything
    await expect(remote.constructor.prototype as unknown as Promise<unknown>).rejects.toMatchObject({ name: 'EngineApiError' })
    // Function('return process'): code execution in the engine process if it got through.
    await expect(remote.startRun.constructor('return process') as Promise<unknown>).rejects.toMatchObject({ name: 'EngineApiError' })
    const proto: string = '__proto__'
    await expect((remote as unknown as Record<string, Record<string, Promise<unknown>>>)[proto].polluted).rejects.toMatchObject({ name: 'EngineApiError' })
    await expect(remote.toString()).rejects.toThrow(/not an engine method/)
    expect(typeof (await (remote as unknown as EngineApi).version())).toBe('string')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    ['cancel', [42], /argument 1: expected an id/],
    ['step', ['r', 'forever'], /argument 2: expected one of example, batch, epoch/],
    ['setSpeed', ['r', Number.NaN], /argument 2: expected a finite number/],
    ['showViews', ['r', 'weights'], /argument 2: expected a list/],
    ['replay', ['r', -1], /argument 2: expected a whole number ≥ 0/],
    ['openCsv', ['x.csv', 'not bytes'], /argument 2: expected bytes/],
    ['startRun', ['r', JSON.parse('{"__proto__": {"polluted": true}}'), {}], /the key "__proto__" is not allowed/],
    ['prepareDataset', ['h', { nested: { constructor: { prototype: {} } } }], /the key "constructor" is not allowed/],
    ['version', [1], /takes at most 0 arguments/],
  ] as const)('%s rejects bad arguments', async (name, args, message) => {
    const remote = engine() as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
    await expect(remote[name](...args)).rejects.toThrow(message)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('is frozen and has no prototype', () => {
    const facade = createFacade<EngineApi>(createEngineApi({ emit: async () => {}, yieldToHost: async () => {} }), ENGINE_ARGUMENTS) as EngineApi & Record<string, unknown>
    expect(Object.getPrototypeOf(facade)).toBeNull()
    expect(Object.isFrozen(facade)).toBe(true)
    expect(facade.constructor).toBeUndefined()
    expect(Object.keys(facade).sort()).toEqual(Object.keys(ENGINE_ARGUMENTS).sort())
  })
})
