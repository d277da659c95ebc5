import { describe, expect, it } from 'vitest'
import { registerIpcHandlers, type IpcMainLike, type IpcSender } from './ipcHandlers'
import type { FileAccess } from './fileAccess'
import { IPC } from '../shared/ipc'

function setup() {
  const handlers = new Map<string, (event: IpcSender, ...args: unknown[]) => unknown>()
  const ipc: IpcMainLike = { handle: (c, h) => void handlers.set(c, h), on: (c, h) => void handlers.set(c, h) }
  const calls: unknown[][] = []
  const files = new Proxy({}, { get: (_t, name) => (...args: unknown[]) => (calls.push([name, ...args]), 'ok') }) as unknown as FileAccess
  const states: unknown[] = []
  registerIpcHandlers(ipc, {
    files,
    isTrustedSender: (e) => e.senderFrame?.url === 'app://axon/index.html',
    documentState: (_e, s) => states.push(s),
    documentSaveTaken: (_e, id) => states.push({ taken: id }),
    documentSaved: (_e, id, saved) => states.push({ id, saved }),
    currentFile: (_e, p) => states.push({ current: p }),
  })
  const app: IpcSender = { senderFrame: { url: 'app://axon/index.html' }, sender: { id: 1 } }
  const stranger: IpcSender = { senderFrame: { url: 'https://evil.example/' }, sender: { id: 2 } }
  const call = (channel: string, sender: IpcSender, ...args: unknown[]) => handlers.get(channel)!(sender, ...args)
  return { call, calls, states, app, stranger }
}

describe('IPC handlers check the sender and the payload', () => {
  it('forwards well-formed file requests from the app page', () => {
    const { call, calls, app } = setup()
    call(IPC.fileOpen, app, 'data', true)
    call(IPC.fileSave, app, 'project', 'x.axon.json', new Uint8Array([1]), null)
    call(IPC.fileReadBeside, app, '/p/x.axon.json', 'd.csv')
    call(IPC.fileDropped, app, '/p/dropped.axon.json')
    expect(calls.map((c) => c[0])).toEqual(['open', 'save', 'readBeside', 'grantDropped'])
  })

  it('refuses any other sender', () => {
    const { call, calls, states, stranger } = setup()
    expect(() => call(IPC.fileOpen, stranger, 'project', false)).toThrow(/not sent by Axon Studio/)
    call(IPC.documentState, stranger, { dirty: true, name: 'x' })
    call(IPC.documentSaveTaken, stranger, 1)
    expect(calls).toEqual([])
    expect(states).toEqual([])
  })

  it.each([
    [IPC.fileOpen, ['shell', false]],
    [IPC.fileSave, ['project', 'x', 'not bytes', null]],
    [IPC.fileSave, ['project', 'x', new Uint8Array(1), 42]],
    [IPC.fileReadGranted, [{ path: '/etc/passwd' }]],
    [IPC.fileReadBeside, ['/p.axon.json', '']],
    [IPC.fileDropped, [{ path: '/p.axon.json' }]],
  ])('refuses a malformed %s', (channel, args) => {
    const { call, calls, app } = setup()
    expect(() => call(channel, app, ...args)).toThrow(TypeError)
    expect(calls).toEqual([])
  })

  it('passes on that the page took a save request, and its answer', () => {
    const { call, states, app } = setup()
    call(IPC.documentSaveTaken, app, 3)
    call(IPC.documentSaved, app, 3, true)
    expect(states).toEqual([{ taken: 3 }, { id: 3, saved: true }])
  })

  it('takes only well-formed document states', () => {
    const { call, states, app } = setup()
    const ok = { dirty: true, name: 'x', run: 'epoch 1, iteration 4', sweep: null }
    call(IPC.documentState, app, { ...ok, dirty: 'yes' })
    call(IPC.documentState, app, { dirty: true, name: 'x' })
    call(IPC.documentState, app, { ...ok, run: 12 })
    call(IPC.documentState, app, { ...ok, sweep: 'x'.repeat(201) })
    call(IPC.documentState, app, ok)
    expect(states).toEqual([ok])
  })
})
