/** Small helpers shared by the benchmark scripts. */

/** `--name value` pairs over defaults (a flag without a value, or before another flag, reads as "1"). */
export function parseFlags<T extends Record<string, string>>(argv: string[], defaults: T): T {
  const out: Record<string, string> = { ...defaults }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`)
    const name = a.slice(2)
    if (!(name in defaults)) throw new Error(`unknown flag --${name} (known: ${Object.keys(defaults).join(', ')})`)
    const next = argv[i + 1]
    if (next === undefined || next.startsWith('--')) out[name] = '1'
    else {
      out[name] = next
      i++
    }
  }
  return out as T
}

/** Median of a list (null when empty). */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const h = s.length >> 1
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2
}

/** CPU time of this process in microseconds. */
export function cpuMicros(): number {
  const u = process.cpuUsage()
  return u.user + u.system
}

/**
 * CPU µs per call of `fn`: the best of `rounds` windows of at least `windowMs` of this process's
 * CPU time. Other work on a shared machine only ever slows a window down, so the best is the code's own speed.
 */
export function bestCpuMicros(fn: () => void, rounds: number, windowMs: number): number {
  let best = Infinity
  for (let r = 0; r < rounds; r++) {
    let calls = 0
    const t0 = cpuMicros()
    let t = 0
    do {
      fn()
      calls++
      t = cpuMicros() - t0
    } while (t < windowMs * 1000)
    best = Math.min(best, t / calls)
  }
  return best
}
