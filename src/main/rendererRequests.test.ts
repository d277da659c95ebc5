import { describe, expect, it } from 'vitest'
import { createRendererRequests } from './rendererRequests'

/** Timers that fire when the test says, by the delay they were set with. */
function fakeTimers() {
  let due: Array<{ f: () => void; ms: number; cleared: boolean }> = []
  const timers = {
    set: (f: () => void, ms: number) => {
      const t = { f, ms, cleared: false }
      due.push(t)
      return t
    },
    clear: (t: unknown) => void ((t as { cleared: boolean }).cleared = true),
  }
  const fire = (ms: number) => {
    const now = due.filter((t) => t.ms === ms && !t.cleared)
    due = due.filter((t) => !now.includes(t))
    now.forEach((t) => t.f())
  }
  return { timers, fire }
}

describe('main → renderer requests', () => {
  it('resolves each request with the answer that names it', async () => {
    const sent: number[] = []
    const { timers } = fakeTimers()
    const requests = createRendererRequests<boolean>((id) => sent.push(id), false, { timeoutMs: 1000, takeMs: 10, untaken: () => {} }, timers)
    const a = requests.request()
    const b = requests.request()
    requests.answer(sent[1], true)
    requests.answer(sent[0], false)
    requests.answer('forged', true)
    expect(await Promise.all([a, b])).toEqual([false, true])
  })

  it('falls back when the renderer never answers, or goes away', async () => {
    const { timers, fire } = fakeTimers()
    const requests = createRendererRequests<boolean>(() => {}, false, { timeoutMs: 1000, takeMs: 10, untaken: () => {} }, timers)
    const timedOut = requests.request()
    fire(1000)
    expect(await timedOut).toBe(false)
    const abandoned = requests.request()
    requests.abandon()
    expect(await abandoned).toBe(false)
  })

  it('says at once when the page does not take a request (hung), and still waits for its answer (fails on the old code, which waited out the 10 minutes)', async () => {
    const sent: number[] = []
    const log: string[] = []
    const { timers, fire } = fakeTimers()
    const requests = createRendererRequests<boolean>((id) => sent.push(id), false, { timeoutMs: 1000, takeMs: 10, untaken: () => log.push('not taken') }, timers)
    const taken = requests.request()
    requests.taken(sent[0])
    fire(10)
    expect(log).toEqual([])
    requests.answer(sent[0], true)
    expect(await taken).toBe(true)
    const hung = requests.request()
    fire(10)
    expect(log).toEqual(['not taken'])
    requests.answer(sent[1], true)
    expect(await hung).toBe(true)
  })
})
