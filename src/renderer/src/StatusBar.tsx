import { useEffect, useRef, useState } from 'react'
import {
  getEngineConnection,
  onEngineConnection,
  onEngineEvent,
  onEngineFailure,
  type EngineConnection,
} from './engineClient'
import type { RunSummary } from '../../engine/host/events'
import type { KernelName } from '../../engine/host/api'
import { ThreadsControl } from './ThreadsControl'

type EngineStatus =
  | { state: 'connecting' }
  | { state: 'ready'; version: string; kernel: KernelName; host: EngineConnection['host']; restarted: boolean; connection: EngineConnection }
  | { state: 'failed'; message: string }

const KERNEL_LABEL: Record<KernelName, string> = {
  'wasm-simd': 'WebAssembly SIMD',
  'wasm-relaxed-simd': 'WebAssembly relaxed SIMD',
  typescript: 'TypeScript kernel',
}

const HOST_LABEL: Record<EngineConnection['host'], string> = {
  desktop: 'engine process',
  browser: 'Web Worker',
}

/** Engine version and host, fetched over Comlink, and a check of the streaming link. */
export function StatusBar() {
  const [status, setStatus] = useState<EngineStatus>({ state: 'connecting' })

  useEffect(() => {
    const show = async (connection: EngineConnection) => {
      try {
        const [version, kernel] = await Promise.all([connection.engine.version(), connection.engine.kernel()])
        setStatus({ state: 'ready', version, kernel, host: connection.host, restarted: connection.restarted, connection })
      } catch (error) {
        setStatus({ state: 'failed', message: `The engine did not answer: ${(error as Error).message}` })
      }
    }
    const offConnection = onEngineConnection((connection) => void show(connection))
    const offFailure = onEngineFailure((message) => setStatus({ state: 'failed', message }))
    void getEngineConnection().then(show)
    return () => {
      offConnection()
      offFailure()
    }
  }, [])

  return (
    <footer className="status-bar" data-testid="status-bar">
      {status.state === 'connecting' && <span>Starting the engine…</span>}
      {status.state === 'ready' && (
        <>
          <span data-testid="engine-version">
            Engine {status.version} · {HOST_LABEL[status.host]}
          </span>
          <span className="muted" data-testid="engine-kernel" title="The matrix kernel training runs on">
            {KERNEL_LABEL[status.kernel]}
          </span>
          <ThreadsControl connection={status.connection} />
          {status.restarted && <span className="warning">The engine stopped unexpectedly and was restarted; your graph is unchanged.</span>}
          <LinkCheck />
        </>
      )}
      {status.state === 'failed' && <span className="error">{status.message}</span>}
    </footer>
  )
}

const CHECK_EVENTS = 200

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Streams events with Float32Array payloads from the engine and counts them, one per frame
 * (the engine waits for the receiver, so the screen sets the pace); cancellable.
 */
function LinkCheck() {
  const [received, setReceived] = useState(0)
  const [result, setResult] = useState<RunSummary | null>(null)
  const [running, setRunning] = useState(false)
  const runId = useRef('')

  useEffect(
    () =>
      onEngineEvent((event) => {
        if (event.kind !== 'streamDemo' || event.runId !== runId.current || !(event.data instanceof Float32Array)) return
        setReceived((n) => n + 1)
        return nextFrame()
      }),
    [],
  )

  const start = async () => {
    const { engine } = await getEngineConnection()
    runId.current = `link-${Date.now()}`
    setReceived(0)
    setResult(null)
    setRunning(true)
    try {
      setResult(await engine.streamDemo(runId.current, { count: CHECK_EVENTS, length: 4096 }))
    } finally {
      setRunning(false)
    }
  }

  const cancel = async () => {
    const { engine } = await getEngineConnection()
    await engine.cancel(runId.current)
  }

  return (
    <span className="link-check">
      {running ? (
        <button data-testid="link-check-cancel" onClick={() => void cancel()}>
          Cancel
        </button>
      ) : (
        <button data-testid="link-check" onClick={() => void start()} title="Stream test data from the engine">
          Check engine link
        </button>
      )}
      {(running || result) && (
        <span data-testid="link-check-result">
          {received} events received
          {result && ` · ${result.status} · ${result.transferred} transferred`}
        </span>
      )}
    </span>
  )
}
