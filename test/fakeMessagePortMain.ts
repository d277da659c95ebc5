/**
 * A stand-in for Electron's MessagePortMain, following its documented semantics, for tests on
 * machines without the Electron binary:
 * - an EventEmitter; 'message' listeners get `{ data, ports }`;
 * - messages queue until `start()`;
 * - `postMessage(message, transfer)` accepts only MessagePortMain in `transfer`; everything
 *   else is structured-cloned (typed arrays are copied, never moved);
 * - a MessagePort nested in a message, which is what `Comlink.proxy` sends, cannot be cloned.
 *
 * The other end of a fake channel is a plain Node MessagePort, as the renderer gets a DOM
 * MessagePort for the MessageChannelMain port that main sends it.
 */
import { EventEmitter } from 'node:events'
import { MessageChannel, type MessagePort } from 'node:worker_threads'

export class FakeMessagePortMain extends EventEmitter {
  private started = false
  private readonly queue: Array<{ data: unknown; ports: never[] }> = []

  constructor(private readonly port: MessagePort) {
    super()
    port.on('message', (data: unknown) => {
      const event = { data, ports: [] as never[] }
      if (this.started) this.emit('message', event)
      else this.queue.push(event)
    })
    port.on('close', () => this.emit('close'))
  }

  postMessage(message: unknown, transfer: unknown[] = []): void {
    for (const item of transfer) {
      if (!(item instanceof FakeMessagePortMain)) {
        throw new TypeError('Invalid value for transfer: MessagePortMain only transfers MessagePortMain')
      }
    }
    if (transfer.length > 0) throw new Error('FakeMessagePortMain does not model port hand-off')
    // Structured clone with no transfer list: typed arrays are copied, and an untransferred
    // nested MessagePort throws DataCloneError, as in Electron.
    this.port.postMessage(message)
  }

  start(): void {
    if (this.started) return
    this.started = true
    for (const event of this.queue.splice(0)) this.emit('message', event)
  }

  close(): void {
    this.port.close()
  }
}

/** A channel with a MessagePortMain in the engine (utility) process and a plain port in the renderer. */
export function createFakeMainToRendererChannel(): { main: FakeMessagePortMain; renderer: MessagePort } {
  const { port1, port2 } = new MessageChannel()
  return { main: new FakeMessagePortMain(port1), renderer: port2 }
}
