import { describe, expect, it } from 'vitest'
import { createTabPresence, type PresenceChannel } from './tabPresence'

/** Channels on one hub: a message posted on one reaches every other (as BroadcastChannel does), delivered when `flush` runs. */
function hub() {
  const channels: PresenceChannel[] = []
  const queue: (() => void)[] = []
  const open = (): PresenceChannel => {
    const channel: PresenceChannel = {
      onmessage: null,
      postMessage: (data) => channels.filter((c) => c !== channel).forEach((c) => queue.push(() => c.onmessage?.({ data }))),
      close: () => channels.splice(channels.indexOf(channel), 1),
    }
    channels.push(channel)
    return channel
  }
  const flush = async () => {
    while (queue.length > 0) queue.shift()!()
  }
  return { open, flush }
}

function tab(h: ReturnType<typeof hub>, key: string) {
  const state = { key, taken: 0 }
  const presence = createTabPresence(() => state.key, () => void state.taken++, h.open(), () => h.flush())
  return { state, presence }
}

describe('tab presence', () => {
  it('tells a tab which slots the other live tabs write', async () => {
    const h = hub()
    tab(h, 'a')
    const b = tab(h, 'b')
    const c = tab(h, 'c')
    expect(await c.presence.ask()).toEqual(new Set(['a', 'b']))
    b.presence.close()
    expect(await c.presence.ask()).toEqual(new Set(['a']))
  })

  it('moves the tab that asks with a slot a live tab writes (a duplicated tab); the live one keeps it', async () => {
    const h = hub()
    const a = tab(h, 'a')
    const copy = tab(h, 'a')
    await copy.presence.ask()
    expect(copy.state.taken).toBe(1)
    expect(a.state.taken).toBe(0)
  })

  it('says it cannot tell without a channel', async () => {
    expect(await createTabPresence(() => 'a', () => {}, null).ask()).toBeNull()
  })
})
