/**
 * The close guard when the window goes whatever is answered (the session ends, the window
 * closes under a question), and what it holds while it asks (unsavedChanges.ts).
 */
import { describe, expect, it } from 'vitest'
import { createUnsavedGuard, type SaveChoice } from './unsavedChanges'

describe('what the page is asked to open waits while the window asks whether to close', () => {
  const dirty = { dirty: true, name: 'xor.axon.json', run: null, sweep: null }

  function guardWith(answer: SaveChoice) {
    const log: string[] = []
    const guard = createUnsavedGuard({
      askAsync: async () => (log.push('ask'), answer),
      askSync: () => answer,
      save: async () => true,
      cancelled: () => void log.push('kept open'),
      forceClose: () => void log.push('destroyed'),
      holdPage: (on) => void log.push(on ? 'hold' : 'release'),
    })
    guard.setState(dirty)
    guard.onClose({ preventDefault: () => {} }, () => log.push('closed'))
    return { log, settle: () => new Promise((resolve) => setTimeout(resolve, 0)) }
  }

  it('held while "Save changes?" is open; Cancel releases it (fails on the old code: nothing held)', async () => {
    const { log, settle } = guardWith('cancel')
    await settle()
    expect(log).toEqual(['hold', 'ask', 'release', 'kept open'])
  })

  it("Don't Save closes the window and keeps it held (main hands it to the next window, or to the relaunch)", async () => {
    const { log, settle } = guardWith('discard')
    await settle()
    expect(log).toEqual(['hold', 'ask', 'closed'])
  })
})

describe('the session ends while a question is open', () => {
  const dirty = { dirty: true, name: 'xor.axon.json', run: null, sweep: null }

  /** A guard whose "Save changes?" stays open until the test answers it, or its signal closes it (as Electron's does: cancelled). */
  function openQuestion() {
    const log: string[] = []
    let answer: (choice: SaveChoice) => void = () => {}
    let signal: AbortSignal | null = null
    let ending = false
    const guard = createUnsavedGuard({
      askAsync: (q, s) =>
        new Promise<SaveChoice>((resolve) => {
          log.push(`ask ${q.options.message}`)
          signal = s
          answer = resolve
          s.addEventListener('abort', () => (log.push('dialog closed'), resolve(q.choices[q.options.cancelId])))
        }),
      askSync: () => 'cancel',
      save: async () => (log.push('save'), true),
      cancelled: () => void log.push('kept open'),
      forceClose: () => void log.push('destroyed'),
      sessionEnding: () => ending,
    })
    const close = () => {
      const e = { prevented: false, preventDefault: () => void (e.prevented = true) }
      guard.onClose(e, () => log.push('closed'))
      return e
    }
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
    return { guard, log, close, settle, answer: (choice: SaveChoice) => answer(choice), signal: () => signal, endSession: () => void (ending = true) }
  }

  it('log-off with "Save changes?" open: the window goes at once, the dialog is closed and nothing it answers reaches the closed window (fails on the old code: Save asked the gone page to save, then closed the closed window)', async () => {
    const { guard, log, close, settle, answer, signal, endSession } = openQuestion()
    guard.setState(dirty)
    expect(close().prevented).toBe(true)
    await settle()
    endSession()
    // The quit the session's end makes closes the window: not held up by the question.
    expect(close().prevented).toBe(false)
    guard.onClosed()
    expect(signal()?.aborted).toBe(true)
    answer('save')
    await settle()
    expect(log).toEqual(['ask Save the changes to “xor.axon.json”?', 'dialog closed'])
  })

  it('Windows ends the session while the Reload question (a sync dialog) is open: its Cancel does not call the session’s Quit off (fails on the code before: "kept open")', () => {
    const log: string[] = []
    let ending = false
    const guard = createUnsavedGuard({
      askAsync: async () => 'cancel',
      askSync: () => {
        // Windows may deliver session-end inside the dialog's modal loop: the quit closes the window.
        ending = true
        guard.onClose({ preventDefault: () => log.push('close refused') }, () => log.push('closed'))
        return 'cancel'
      },
      save: async () => true,
      cancelled: () => void log.push('kept open'),
      forceClose: () => void log.push('destroyed'),
      sessionEnding: () => ending,
    })
    guard.setState(dirty)
    const unload = { prevented: false, preventDefault: () => void (unload.prevented = true) }
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    expect(log).toEqual([])
  })

  it('the window closes under an open question (Cancel answered after): the Quit is not called off (fails on the old code: "kept open")', async () => {
    const { guard, log, close, settle, answer } = openQuestion()
    guard.setState(dirty)
    close()
    await settle()
    guard.onClosed()
    answer('cancel')
    await settle()
    expect(log).toEqual(['ask Save the changes to “xor.axon.json”?', 'dialog closed'])
  })
})
