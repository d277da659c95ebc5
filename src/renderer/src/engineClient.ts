/**
 * The renderer's one way to the engine: a Comlink `Remote<EngineApi>` plus a stream of
 * engine events, the same whether the engine runs in Electron's utility process (ports
 * handed over by the preload) or in a module Web Worker (browser build).
 *
 * If the engine goes away (the utility process crashed and main restarted it, or the worker
 * died), a new connection replaces the old one and connection listeners hear `restarted`;
 * calls still waiting on the old engine reject with `EngineStoppedError` instead of hanging.
 * When main gives up on it (it kept crashing), failure listeners hear main's message, and calls
 * waiting on it, or made after, reject with `EngineFailedError` and that message.
 */
import type { Endpoint, Remote } from 'comlink'
import { connectEngine } from '../../engine/host/rpc/connect'
import { closableEndpoint, type ClosableEndpoint } from '../../engine/host/rpc/closableEndpoint'
import type { EngineApi } from '../../engine/host/api'
import type { EngineEvent, SnapshotAnswer } from '../../engine/host/events'

export type EngineRemote = Remote<EngineApi>

export interface EngineConnection {
  engine: EngineRemote
  host: 'desktop' | 'browser'
  restarted: boolean
}

interface DesktopBridge {
  isDesktop: true
  onEngineFailed(listener: (message: string) => void): void
}

/** A listener may return a promise: the engine waits for it, so a slow screen paces the stream. */
type EventListener = (event: EngineEvent) => void | SnapshotAnswer | Promise<void | SnapshotAnswer>

const eventListeners = new Set<EventListener>()
const connectionListeners = new Set<(connection: EngineConnection) => void>()
const failureListeners = new Set<(message: string) => void>()
let current: EngineConnection | null = null
let firstConnection: Promise<EngineConnection> | null = null
let currentLinks: ClosableEndpoint[] = []

/** What a call to an engine that died rejects with (name and message reach the UI). */
export const ENGINE_STOPPED = {
  name: 'EngineStoppedError',
  message: 'The engine stopped unexpectedly, so this was lost. It has been restarted: try again.',
}

/** What the current links' calls reject with once closed (read as they reject: a failure rewrites it). */
let currentReason = { ...ENGINE_STOPPED }

/** Connects over closable endpoints; the previous connection's pending calls reject. */
function connectLinked(rpc: Endpoint, events: Endpoint): EngineRemote {
  for (const link of currentLinks) link.close()
  currentReason = { ...ENGINE_STOPPED }
  const links = [closableEndpoint(rpc, currentReason), closableEndpoint(events, currentReason)]
  currentLinks = links
  return connectEngine(links[0], links[1], dispatch)
}

/** Passes `event` to every listener; the engine hears once all have taken it, with their answer (views due when any says so). */
async function dispatch(event: EngineEvent): Promise<SnapshotAnswer | undefined> {
  const answers = (await Promise.all([...eventListeners].map((listener) => listener(event)))).filter((a): a is SnapshotAnswer => !!a)
  return answers.length > 0 ? { viewsDue: answers.some((a) => a.viewsDue) } : undefined
}

function publish(connection: EngineConnection): void {
  current = connection
  for (const listener of connectionListeners) listener(connection)
}

function desktopBridge(): DesktopBridge | undefined {
  return (window as unknown as { axonDesktop?: DesktopBridge }).axonDesktop
}

function startDesktop(): Promise<EngineConnection> {
  const bridge = desktopBridge()!
  bridge.onEngineFailed((message) => {
    // No engine will answer: what waits on the dead one, and what is asked of it later, rejects with main's words.
    Object.assign(currentReason, { name: 'EngineFailedError', message })
    for (const link of currentLinks) link.close()
    failureListeners.forEach((listener) => listener(message))
  })
  return new Promise((resolve) => {
    window.addEventListener('message', (event: MessageEvent) => {
      if (event.source !== window || event.data?.type !== 'axon:engine-ports') return
      const [rpc, events] = event.ports
      if (!rpc || !events) return
      const connection: EngineConnection = {
        engine: connectLinked(rpc, events),
        host: 'desktop',
        restarted: event.data.restarted === true,
      }
      publish(connection)
      resolve(connection)
    })
  })
}

function startWorker(restarted: boolean): EngineConnection {
  const worker = new Worker(new URL('../../engine/host/web/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'axon-engine',
  })
  const events = new MessageChannel()
  worker.postMessage({ type: 'axon:events' }, [events.port2])
  worker.addEventListener('error', (error) => {
    // An uncaught error kills the worker's engine state: replace it, as main does on desktop.
    console.error('Engine worker failed:', error.message)
    worker.terminate()
    events.port1.close()
    if (current?.engine === connection.engine) publish(startWorker(true))
  })
  const connection: EngineConnection = {
    engine: connectLinked(worker, events.port1),
    host: 'browser',
    restarted,
  }
  return connection
}

// On desktop the ports can arrive as soon as the page has loaded: listen from the start.
if (desktopBridge()) firstConnection = startDesktop()

/** The current engine connection (created on first use). */
export function getEngineConnection(): Promise<EngineConnection> {
  if (current) return Promise.resolve(current)
  firstConnection ??= desktopBridge()
    ? startDesktop()
    : Promise.resolve().then(() => {
        const connection = startWorker(false)
        publish(connection)
        return connection
      })
  return firstConnection
}

export function onEngineEvent(listener: EventListener): () => void {
  eventListeners.add(listener)
  return () => eventListeners.delete(listener)
}

export function onEngineConnection(listener: (connection: EngineConnection) => void): () => void {
  connectionListeners.add(listener)
  return () => connectionListeners.delete(listener)
}

export function onEngineFailure(listener: (message: string) => void): () => void {
  failureListeners.add(listener)
  return () => failureListeners.delete(listener)
}
