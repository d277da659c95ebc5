import { useEffect, useState } from 'react'
import type { EngineConnection } from './engineClient'
import type { ThreadInfo } from '../../engine/host/api'
import { sweepThreadsChanged } from './experiments/sweepRunner'

/** Where the choice is kept between sessions (a per-machine preference, not part of a project). */
const STORAGE_KEY = 'axon.trainingThreads'

function storedThreads(): number | null {
  try {
    const n = Number(localStorage.getItem(STORAGE_KEY))
    return Number.isSafeInteger(n) && n >= 1 ? n : null
  } catch {
    return null
  }
}

/**
 * The training threads in the status bar: how many the next run splits its mini-batches over,
 * settable from 1 to what the engine can run (the cores; 1 where the page cannot share memory).
 */
export function ThreadsControl({ connection }: { connection: EngineConnection }) {
  const [info, setInfo] = useState<ThreadInfo | null>(null)

  useEffect(() => {
    let live = true
    void (async () => {
      const engine = connection.engine
      const wanted = storedThreads()
      const current = wanted !== null ? await engine.setThreads(wanted) : await engine.threads()
      if (live) setInfo(current)
    })().catch(() => undefined)
    return () => {
      live = false
    }
  }, [connection])

  if (!info) return null
  const choose = async (threads: number) => {
    try {
      localStorage.setItem(STORAGE_KEY, String(threads))
    } catch {
      // Storage may be off (private mode): the choice then lasts this session only.
    }
    const next = await connection.engine.setThreads(threads)
    setInfo(next)
    // A sweep under way takes the new setting at once (more points side by side).
    sweepThreadsChanged(next.parallelRuns)
  }
  // Hovering or opening the control refreshes what it says (the count of split batches grows).
  const refresh = () => void connection.engine.threads().then(setInfo, () => undefined)
  const title =
    info.maxThreads > 1
      ? 'Threads a training run splits each mini-batch over (from the next run on; float32 chains of dense layers: no dropout, batch norm, Add, Concatenate or noisy ReLU). ' +
        `${info.splitChunks} mini-batches split across threads so far.`
      : 'Training runs on one thread here (one core, or the page cannot share memory between threads)'
  return (
    <label className="muted threads-control" title={title} data-testid="engine-threads-control" onMouseEnter={refresh} onFocus={refresh}>
      Threads{' '}
      <select data-testid="engine-threads" value={info.threads} disabled={info.maxThreads < 2} onChange={(e) => void choose(Number(e.target.value))}>
        {Array.from({ length: info.maxThreads }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  )
}
