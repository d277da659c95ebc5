/**
 * A Chrome trace of the whole page while a benchmark runs (every thread of its renderer: the
 * main thread, the engine's and the paint worker's threads, the compositor), summarised per
 * thread: how long it was busy, and the trace events that took its time (self time: Layout,
 * Paint, FunctionCall, …). For bench-ui.ts `--profile`: the sampling profile says which of the
 * page's functions cost, this says what the browser itself did and which threads competed for
 * the cores. The raw trace is written too (open it in Chrome's Performance panel).
 */
import type { Browser, Page } from 'playwright-core'

interface TraceEvent {
  name: string
  cat: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time of the event, where the trace has it. */
  tdur?: number
  args?: { name?: string }
}

/** One thread's share of the trace, ms. */
export interface ThreadLine {
  thread: string
  busyMs: number
  /** CPU time of its outermost events (thread time: unlike `busyMs`, not counting waits for a core on a loaded machine). */
  cpuMs: number
  /** The events that took the most self time on it. */
  top: Array<{ name: string; selfMs: number }>
}

const CATEGORIES = ['-*', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing']

/** Starts a trace of the browser; `stop()` ends it, writes it to `path` and returns the busiest threads of the page's renderer. */
export async function startPageTrace(browser: Browser, page: Page, path: string): Promise<{ stop: () => Promise<ThreadLine[]> }> {
  await browser.startTracing(page, { path, categories: CATEGORIES })
  return {
    stop: async () => {
      const buffer = await browser.stopTracing()
      const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }
      return summariseTrace(traceEvents)
    },
  }
}

/** Busy time and top self-time events per thread of the renderer that holds the page's main thread. */
export function summariseTrace(events: TraceEvent[], top = 8): ThreadLine[] {
  const names = new Map<string, string>()
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name)
  const main = [...names].find(([, n]) => n === 'CrRendererMain' )
  const pid = main ? Number(main[0].split(':')[0]) : NaN
  const byThread = new Map<string, TraceEvent[]>()
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.dur === undefined) continue
    const key = `${e.pid}:${e.tid}`
    ;(byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e)
  }
  const lines: ThreadLine[] = []
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
    const { busyUs, cpuUs, self } = selfTimes(list)
    const topEvents = [...self].sort((a, b) => b[1] - a[1]).slice(0, top)
    lines.push({ thread: `${names.get(key) ?? 'thread'} (${key.split(':')[1]})`, busyMs: busyUs / 1000, cpuMs: cpuUs / 1000, top: topEvents.map(([name, us]) => ({ name, selfMs: us / 1000 })) })
  }
  return lines.sort((a, b) => b.busyMs - a.busyMs).filter((l) => l.busyMs >= 50)
}

/** Self time per event name on one thread (events sorted by start), and the wall and CPU time covered by its outermost events. */
function selfTimes(list: TraceEvent[]): { busyUs: number; cpuUs: number; self: Map<string, number> } {
  const self = new Map<string, number>()
  const stack: Array<{ end: number; name: string }> = []
  let busyUs = 0
  let cpuUs = 0
  for (const e of list) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop()
    const end = e.ts + e.dur!
    const parent = stack[stack.length - 1]
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - Math.min(e.dur!, parent.end - e.ts))
    else {
      busyUs += e.dur!
      cpuUs += e.tdur ?? 0
    }
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!)
    stack.push({ end: Math.min(end, parent?.end ?? end), name: e.name })
  }
  return { busyUs, cpuUs, self }
}
