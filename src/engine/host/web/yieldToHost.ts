/** Lets queued messages (e.g. cancel) in: a MessageChannel round trip is one macrotask. */
export function createYield(): () => Promise<void> {
  const channel = new MessageChannel()
  const waiting: Array<() => void> = []
  channel.port1.onmessage = () => waiting.shift()?.()
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve)
      channel.port2.postMessage(null)
    })
}
