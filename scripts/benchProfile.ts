/**
 * A CPU profile of the page's main thread while a benchmark runs (Chrome DevTools Protocol's
 * sampling profiler), summarised as the functions that took the most time: where the page's
 * own cost goes while the engine trains. For bench-ui.ts `--profile`; best on an unminified
 * build (`npx vite build -c vite.web.config.ts --minify false`), whose names are the source's.
 */
import type { Page } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** One function's share of the profile: time spent in it (self) and under it (total), ms. */
export interface ProfileLine {
  name: string
  selfMs: number
  totalMs: number
}

/** Starts sampling the page's main thread; `stop()` ends it and returns the `top` functions by total and by self time. */
export async function startMainThreadProfile(page: Page): Promise<{ stop: (top?: number) => Promise<{ byTotal: ProfileLine[]; bySelf: ProfileLine[]; sampledMs: number }> }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  return {
    stop: async (top = Number(process.env.AXON_PROFILE_TOP ?? 25)) => {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
      await cdp.detach()
      const lines = summarise(profile)
      const sampledMs = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000
      return {
        byTotal: [...lines].sort((a, b) => b.totalMs - a.totalMs).slice(0, top),
        bySelf: [...lines].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
        sampledMs,
      }
    },
  }
}

/** Self and total time per function (a recursive function's total counts each sample once). */
function summarise(profile: CpuProfile): ProfileLine[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const keyOf = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').pop() ?? ''
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`
  }
  const lines = new Map<string, ProfileLine>()
  const line = (name: string) => lines.get(name) ?? lines.set(name, { name, selfMs: 0, totalMs: 0 }).get(name)!
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const leaf = byId.get(id)!
    line(keyOf(leaf)).selfMs += ms
    const seen = new Set<string>()
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const key = keyOf(n)
      if (seen.has(key)) continue
      seen.add(key)
      line(key).totalMs += ms
    }
  })
  return [...lines.values()]
}
