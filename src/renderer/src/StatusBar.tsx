import { useEffect, useState } from 'react'
import {
  getEngineConnection,
  onEngineConnection,
  onEngineFailure,
  type EngineConnection,
} from './engineClient'
import type { KernelName } from '../../engine/host/api'
import { ThreadsControl } from './ThreadsControl'
import { failedBecause } from './sentence'

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

/** Engine version, host and kernel, fetched over Comlink; a restarted or failed engine says so. */
const RESTARTED = 'The engine stopped unexpectedly and was restarted; your graph is unchanged.'

export function StatusBar() {
  const [status, setStatus] = useState<EngineStatus>({ state: 'connecting' })

  useEffect(() => {
    const show = async (connection: EngineConnection) => {
      try {
        const [version, kernel] = await Promise.all([connection.engine.version(), connection.engine.kernel()])
        setStatus({ state: 'ready', version, kernel, host: connection.host, restarted: connection.restarted, connection })
      } catch (error) {
        setStatus({ state: 'failed', message: failedBecause('The engine did not answer', (error as Error).message) })
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
    <footer className="status-bar" data-testid="status-bar" data-state={status.state === 'ready' && status.restarted ? 'restarted' : status.state}>
      {status.state === 'connecting' && <span>Starting the engine…</span>}
      {status.state === 'ready' && (
        <>
          <span data-testid="engine-version" title={`Engine ${status.version} · ${HOST_LABEL[status.host]}`}>
            Engine {status.version} · {HOST_LABEL[status.host]}
          </span>
          <span className="muted" data-testid="engine-kernel" title={`The matrix kernel training runs on: ${KERNEL_LABEL[status.kernel]}`}>
            {KERNEL_LABEL[status.kernel]}
          </span>
          <ThreadsControl connection={status.connection} />
          {status.restarted && <span className="warning" title={RESTARTED}>{RESTARTED}</span>}
        </>
      )}
      {status.state === 'failed' && <span className="error" title={status.message}>{status.message}</span>}
    </footer>
  )
}
