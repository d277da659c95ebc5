import { describe, expect, it } from 'vitest'
import { createRendererRequests } from './rendererRequests'

function fakeTimers() {
  const due: Array<() => void> = []
  return { due, timers: { set: (f: () => void) => due.push(f), clear: () => {} } }
}

describe('main → renderer requests', () => {
  it('resolves each request with the answer that names it', async () => {
    const sent: number[] = []
    const { timers } = fakeTimers()
    const requests = createRendererRequests<boolean>((id) => sent.push(id), false, 1000, timers)
    const a = requests.request()
    const b = requests.request()
    requests.answer(sent[1], true)
    requests.answer(sent[0], false)
    requests.answer('forged', true)
    expect(await Promise.all([a, b])).toEqual([false, true])
  })

  it('falls back when the renderer never answers, or goes away', async () => {
    const { due, timers } = fakeTimers()
    const requests = createRendererRequests<boolean>(() => {}, false, 1000, timers)
    const timedOut = requests.request()
    due[0]()
    expect(await timedOut).toBe(false)
    const abandoned = requests.request()
    requests.abandon()
    expect(await abandoned).toBe(false)
  })
})
