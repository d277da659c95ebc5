/**
 * The app's tabs in one browser profile tell each other which autosave slot each writes, over a
 * BroadcastChannel: a tab asks "who is there?" with its slot's key, every other tab answers with
 * its own. The asker learns which slots are live (the rest belong to tabs that are gone), and
 * when an answer names its own slot (a duplicated tab, or kept work another tab took over at the
 * same time) it moves to a slot of its own, so two tabs never write one slot.
 */

const CHANNEL = 'axon:autosave-tabs'
/** How long a tab waits for the others' answers (they answer at once unless their page is busy). */
const ANSWER_WAIT_MS = 1000

type Message = { type: 'who'; key: string } | { type: 'here'; key: string }

/** The channel as the presence uses it (a BroadcastChannel in the app, a fake in unit tests). */
export interface PresenceChannel {
  postMessage(message: Message): void
  onmessage: ((event: { data: unknown }) => void) | null
  close(): void
}

export interface TabPresence {
  /** Asks the other tabs; resolves with the slots they write (null where tabs cannot talk: no BroadcastChannel). */
  ask(): Promise<ReadonlySet<string> | null>
  close(): void
}

function isMessage(data: unknown): data is Message {
  const m = data as Message | null
  return typeof m === 'object' && m !== null && (m.type === 'who' || m.type === 'here') && typeof m.key === 'string'
}

/**
 * Answers other tabs with `currentKey()`; `onTaken` runs when another live tab writes the slot
 * this tab writes (this tab then takes a new one).
 */
export function createTabPresence(
  currentKey: () => string,
  onTaken: () => void,
  channel: PresenceChannel | null = typeof BroadcastChannel === 'function' ? (new BroadcastChannel(CHANNEL) as unknown as PresenceChannel) : null,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): TabPresence {
  let heard: Set<string> | null = null
  if (channel) {
    channel.onmessage = ({ data }) => {
      if (!isMessage(data)) return
      if (data.type === 'who') channel.postMessage({ type: 'here', key: currentKey() })
      heard?.add(data.key)
      // The tab that asked with a slot already live moves; the one that answered keeps it.
      if (data.type === 'here' && data.key === currentKey()) onTaken()
    }
  }
  return {
    async ask() {
      if (!channel) return null
      const live = new Set<string>()
      heard = live
      channel.postMessage({ type: 'who', key: currentKey() })
      await wait(ANSWER_WAIT_MS)
      if (heard === live) heard = null
      return live
    },
    close: () => channel?.close(),
  }
}
