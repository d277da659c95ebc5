import { describe, expect, it } from 'vitest'
import { createSessionEnd, listenForSigterm, SIGTERM_EXIT_CODE } from './sessionEnd'
import { createUnsavedGuard } from './unsavedChanges'

function fakeApp() {
  const calls: string[] = []
  return { calls, app: { quit: () => void calls.push('quit'), exit: (code: number) => void calls.push(`exit ${code}`) } }
}

describe('the session ending', () => {
  it('a SIGTERM quits without asking: the window closes past unsaved edits and a run under way', () => {
    const { calls, app } = fakeApp()
    const session = createSessionEnd(app)
    const asked: string[] = []
    const guard = createUnsavedGuard({
      askAsync: async () => (asked.push('asked'), 'cancel'),
      askSync: () => (asked.push('asked'), 'cancel'),
      save: async () => true,
      forceClose: () => {},
      sessionEnding: session.ending,
    })
    guard.setState({ dirty: true, name: 'xor.axon.json', run: 'epoch 120 of 3,000', sweep: null })
    expect(session.ending()).toBe(false)
    session.onSigterm()
    expect(calls).toEqual(['quit'])
    let prevented = false
    guard.onClose({ preventDefault: () => void (prevented = true) }, () => {})
    // The page's beforeunload objects (a run): let through too, so it unloads and autosaves.
    let unloadAllowed = false
    guard.onWillPreventUnload({ preventDefault: () => void (unloadAllowed = true) }, { reload: () => {}, close: () => {} })
    expect({ prevented, unloadAllowed, asked }).toEqual({ prevented: false, unloadAllowed: true, asked: [] })
  })

  it('a second SIGTERM, while that quit is held up, exits at once (as Chromium’s own handler lets it kill)', () => {
    const { calls, app } = fakeApp()
    const session = createSessionEnd(app)
    session.onSigterm()
    session.onSigterm()
    expect(calls).toEqual(['quit', `exit ${SIGTERM_EXIT_CODE}`])
  })

  it('Windows’ session-end quits without asking, and a later SIGTERM is the first', () => {
    const { calls, app } = fakeApp()
    const session = createSessionEnd(app)
    session.end()
    expect(session.ending()).toBe(true)
    session.onSigterm()
    expect(calls).toEqual(['quit', 'quit'])
  })

  it('listens for SIGTERM only once the app is ready, after Electron installed its own handler (fails on the old code, which listened as main loaded)', async () => {
    let ready!: () => void
    const whenReady = new Promise<void>((resolve) => (ready = resolve))
    const listening: string[] = []
    const listened = listenForSigterm(
      () => whenReady,
      (signal) => void listening.push(signal),
      () => {},
    )
    await Promise.resolve()
    expect(listening).toEqual([])
    ready()
    await listened
    expect(listening).toEqual(['SIGTERM'])
  })
})
