import { describe, expect, it } from 'vitest'
import { createUnsavedGuard, type SaveChoice } from './unsavedChanges'
import type { CloseQuestion } from './closeQuestion'

function setup(answer: SaveChoice, saveWorks = true, dialogWorks = true) {
  const log: string[] = []
  const guard = createUnsavedGuard({
    askAsync: async (q) => {
      if (!dialogWorks) throw new Error('no dialog')
      return (log.push(`ask ${q.options.message}`), answer)
    },
    askSync: (q) => (log.push(`ask-sync ${q.options.message}`), answer),
    save: async () => (log.push('save'), saveWorks),
    cancelled: () => void log.push('kept open'),
    forceClose: () => void log.push('destroyed'),
  })
  const event = () => {
    const e = { prevented: false, preventDefault: () => void (e.prevented = true) }
    return e
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  return { guard, log, event, settle }
}

describe('"Save changes?" on close', () => {
  it('closes at once when nothing is unsaved', () => {
    const { guard, log, event } = setup('cancel')
    const e = event()
    guard.onClose(e, () => log.push('closed'))
    expect(e.prevented).toBe(false)
    expect(log).toEqual([])
  })

  it('Cancel keeps the window open', async () => {
    const { guard, log, event, settle } = setup('cancel')
    guard.setState({ dirty: true, name: 'xor.axon.json', run: null, sweep: null })
    const e = event()
    guard.onClose(e, () => log.push('closed'))
    await settle()
    expect(e.prevented).toBe(true)
    expect(log).toEqual(['ask Save the changes to “xor.axon.json”?', 'kept open'])
  })

  it("Don't Save closes, and the close it triggers (and the page's beforeunload) go through", async () => {
    const { guard, log, event, settle } = setup('discard')
    guard.setState({ dirty: true, name: 'xor.axon.json', run: null, sweep: null })
    guard.onClose(event(), () => log.push('closed'))
    await settle()
    expect(log).toEqual(['ask Save the changes to “xor.axon.json”?', 'closed'])
    const again = event()
    guard.onClose(again, () => log.push('closed twice'))
    expect(again.prevented).toBe(false)
    const unload = event()
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    expect(unload.prevented).toBe(true)
    expect(log).toEqual(['ask Save the changes to “xor.axon.json”?', 'closed'])
  })

  it('Save closes only once the renderer saved', async () => {
    const ok = setup('save', true)
    ok.guard.setState({ dirty: true, name: 'a', run: null, sweep: null })
    ok.guard.onClose(ok.event(), () => ok.log.push('closed'))
    await ok.settle()
    expect(ok.log).toEqual(['ask Save the changes to “a”?', 'save', 'closed'])

    const failed = setup('save', false)
    failed.guard.setState({ dirty: true, name: 'b', run: null, sweep: null })
    failed.guard.onClose(failed.event(), () => failed.log.push('closed'))
    await failed.settle()
    expect(failed.log).toEqual(['ask Save the changes to “b”?', 'save', 'kept open'])
  })

  it('asks once while its dialog is open, however often close is pressed', async () => {
    const { guard, log, event, settle } = setup('cancel')
    guard.setState({ dirty: true, name: 'a', run: null, sweep: null })
    const second = event()
    guard.onClose(event(), () => {})
    guard.onClose(second, () => {})
    await settle()
    expect(second.prevented).toBe(true)
    expect(log).toEqual(['ask Save the changes to “a”?', 'kept open'])
  })
})

describe('"Save changes?" never keeps the window open without a word', () => {
  it('a dialog that cannot be shown lets the close go on (the autosave keeps the work)', async () => {
    const { guard, log, event, settle } = setup('cancel', true, false)
    guard.setState({ dirty: true, name: 'a', run: null, sweep: null })
    guard.onClose(event(), () => log.push('closed'))
    await settle()
    expect(log).toEqual(['closed'])
  })

  // The page became dirty just before the close, its report not yet in main: the page's
  // beforeunload objects, and Save must save and then close, not reload the page.
  it.each([
    ['save', ['ask-sync Save the changes to “n”?', 'save', 'close']],
    ['cancel', ['ask-sync Save the changes to “n”?', 'kept open']],
  ] as const)('a close main let through that the page objects to: %s', async (answer, expected) => {
    const { guard, log, event, settle } = setup(answer)
    const close = event()
    guard.onClose(close, () => log.push('close again'))
    expect(close.prevented).toBe(false)
    guard.setState({ dirty: true, name: 'n', run: null, sweep: null })
    const unload = event()
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    await settle()
    expect(unload.prevented).toBe(false)
    expect(log).toEqual(expected)
  })

  it('a Save that failed (read-only folder, full disk) keeps the window open and says the Quit is off', async () => {
    const { guard, log, event, settle } = setup('save', false)
    guard.setState({ dirty: true, name: 'n', run: null, sweep: null })
    guard.onWillPreventUnload(event(), { reload: () => log.push('reload'), close: () => log.push('close') })
    await settle()
    expect(log).toEqual(['ask-sync Save the changes to “n”?', 'save', 'kept open'])
  })
})

describe('"Save changes?" on reload (will-prevent-unload)', () => {
  it.each([
    ['discard', true, ['ask-sync Save the changes to “n”?']],
    ['cancel', false, ['ask-sync Save the changes to “n”?', 'kept open']],
    ['save', false, ['ask-sync Save the changes to “n”?', 'save', 'reload']],
  ] as const)('%s: unload goes ahead = %s', async (answer, proceeds, expected) => {
    const { guard, log, event, settle } = setup(answer)
    guard.setState({ dirty: true, name: 'n', run: null, sweep: null })
    const e = event()
    guard.onWillPreventUnload(e, { reload: () => log.push('reload'), close: () => log.push('close') })
    await settle()
    expect(e.prevented).toBe(proceeds)
    expect(log).toEqual(expected)
  })

  it('a reloaded page starts clean until it reports again', () => {
    const { guard, log, event } = setup('cancel')
    guard.setState({ dirty: true, name: 'n', run: null, sweep: null })
    guard.reset()
    const e = event()
    guard.onClose(e, () => log.push('closed'))
    expect(e.prevented).toBe(false)
  })
})

describe('a training run or sweep under way asks too, in the same one dialog', () => {
  const running = { dirty: false, name: 'fashion.axon.json', run: 'epoch 3, iteration 1,200', sweep: null }

  function withQuestions(answer: SaveChoice, quitting = false) {
    const asked: CloseQuestion[] = []
    const log: string[] = []
    const guard = createUnsavedGuard({
      askAsync: async (q) => (asked.push(q), answer),
      askSync: (q) => (asked.push(q), answer),
      save: async () => (log.push('save'), true),
      cancelled: () => void log.push('kept open'),
      quitting: () => quitting,
      forceClose: () => void log.push('destroyed'),
    })
    const event = () => {
      const e = { prevented: false, preventDefault: () => void (e.prevented = true) }
      return e
    }
    return { guard, asked, log, event, settle: () => new Promise((resolve) => setTimeout(resolve, 0)) }
  }

  it('Cancel on Quit keeps the window (and the run in it) and calls the Quit off', async () => {
    const { guard, asked, log, event, settle } = withQuestions('cancel', true)
    guard.setState(running)
    const e = event()
    guard.onClose(e, () => log.push('closed'))
    await settle()
    expect(e.prevented).toBe(true)
    expect(log).toEqual(['kept open'])
    expect(asked.map((q) => q.options.message)).toEqual(['Stop training of “fashion.axon.json” and quit?'])
    expect(asked[0].options.buttons).toEqual(['Stop and Quit', 'Cancel'])
  })

  it('Stop and Close closes, and the page’s own objection (its beforeunload) is let through', async () => {
    const { guard, asked, log, event, settle } = withQuestions('discard')
    guard.setState(running)
    guard.onClose(event(), () => log.push('closed'))
    await settle()
    expect(log).toEqual(['closed'])
    expect(asked[0].options.buttons).toEqual(['Stop and Close', 'Cancel'])
    const unload = event()
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    expect(unload.prevented).toBe(true)
    expect(asked).toHaveLength(1)
  })

  it('unsaved edits and a run: one "Save changes?" that says the run stops; Save saves, then closes', async () => {
    const { guard, asked, log, event, settle } = withQuestions('save')
    guard.setState({ ...running, dirty: true })
    guard.onClose(event(), () => log.push('closed'))
    await settle()
    expect(asked).toHaveLength(1)
    expect(asked[0].options.message).toBe('Save the changes to “fashion.axon.json”?')
    expect(asked[0].options.detail).toContain('Closing stops the training run (epoch 3, iteration 1,200)')
    expect(log).toEqual(['save', 'closed'])
  })

  it('a sweep under way asks as a run does', async () => {
    const { guard, asked, event, settle } = withQuestions('cancel')
    guard.setState({ ...running, run: null, sweep: '2 of 12 runs done' })
    const e = event()
    guard.onClose(e, () => {})
    await settle()
    expect(e.prevented).toBe(true)
    expect(asked[0].options.message).toBe('Stop the sweep of “fashion.axon.json” and close the window?')
  })

  it('once the run has ended (the page reports no run) the window closes without a question', () => {
    const { guard, asked, log, event } = withQuestions('cancel')
    guard.setState(running)
    guard.setState({ ...running, run: null })
    const e = event()
    guard.onClose(e, () => log.push('closed'))
    expect(e.prevented).toBe(false)
    expect(asked).toEqual([])
  })

  it('a reload with a run asks "Stop training … and reload?"; Cancel keeps the page', () => {
    const { guard, asked, log, event } = withQuestions('cancel')
    guard.setState(running)
    const unload = event()
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    expect(unload.prevented).toBe(false)
    expect(asked[0].options.message).toBe('Stop training of “fashion.axon.json” and reload?')
    expect(log).toEqual(['kept open'])
  })
})

describe('every close ends, whatever the page does', () => {
  const dirty = { dirty: true, name: 'xor.axon.json', run: null, sweep: null }
  const NOT_RESPONDING = 'Axon Studio’s window is not responding.'

  /** A guard whose dialogs answer by their message, whose Save the test settles, and whose session may be ending. */
  function page(answers: Record<string, SaveChoice>, opts: { quitting?: boolean } = {}) {
    const log: string[] = []
    let settleSave: (saved: boolean) => void = () => {}
    let ending = false
    const guard = createUnsavedGuard({
      askAsync: async (q) => (log.push(`ask ${q.options.message} [${q.options.buttons.join(' / ')}]`), answers[q.options.message] ?? 'cancel'),
      askSync: (q) => (log.push(`ask-sync ${q.options.message}`), answers[q.options.message] ?? 'cancel'),
      save: () => (log.push('save'), new Promise<boolean>((resolve) => (settleSave = resolve))),
      cancelled: () => void log.push('kept open'),
      quitting: () => opts.quitting === true,
      forceClose: () => void log.push('destroyed'),
      sessionEnding: () => ending,
    })
    const event = () => {
      const e = { prevented: false, preventDefault: () => void (e.prevented = true) }
      return e
    }
    const close = () => {
      const e = event()
      guard.onClose(e, () => log.push('closed'))
      return e
    }
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
    return { guard, log, event, close, settle, save: (saved: boolean) => settleSave(saved), endSession: () => void (ending = true) }
  }

  it('Save, and the page does not take it (hung): "not responding" asks, and Close Anyway ends the window (fails on the old code, which waited 10 minutes, then kept the window open without a word)', async () => {
    const { guard, log, close, settle } = page({ 'Save the changes to “xor.axon.json”?': 'save', [NOT_RESPONDING]: 'discard' })
    guard.setState(dirty)
    expect(close().prevented).toBe(true)
    await settle()
    expect(log).toEqual(['ask Save the changes to “xor.axon.json”? [Save / Don\'t Save / Cancel]', 'save'])
    guard.onUnresponsive()
    await settle()
    expect(log.slice(2)).toEqual([`ask ${NOT_RESPONDING} [Close Anyway / Wait]`, 'destroyed'])
  })

  it('Wait keeps waiting on the page: once it answers, the save it took closes the window', async () => {
    const { guard, log, close, settle, save } = page({ 'Save the changes to “xor.axon.json”?': 'save', [NOT_RESPONDING]: 'cancel' })
    guard.setState(dirty)
    close()
    await settle()
    guard.onUnresponsive()
    await settle()
    guard.onResponsive()
    save(true)
    await settle()
    expect(log.slice(1)).toEqual(['save', `ask ${NOT_RESPONDING} [Close Anyway / Wait]`, 'closed'])
  })

  it('a close with nothing to lose that the page never lets through (its beforeunload hung): Electron says unresponsive 5 s in, and Quit Anyway ends it (fails on the old code)', async () => {
    const { guard, log, close, settle } = page({ [NOT_RESPONDING]: 'discard' }, { quitting: true })
    expect(close().prevented).toBe(false)
    guard.onUnresponsive()
    await settle()
    expect(log).toEqual([`ask ${NOT_RESPONDING} [Quit Anyway / Wait]`, 'destroyed'])
  })

  it('closing a window already not responding: with unsaved edits it asks (Wait keeps it open), with nothing to lose it ends at once', async () => {
    const { guard, log, close, settle } = page({ [NOT_RESPONDING]: 'cancel' })
    guard.setState(dirty)
    guard.onUnresponsive()
    expect(close().prevented).toBe(true)
    await settle()
    expect(log).toEqual([`ask ${NOT_RESPONDING} [Close Anyway / Wait]`, 'kept open'])
    guard.setState({ ...dirty, dirty: false })
    expect(close().prevented).toBe(true)
    expect(log.at(-1)).toBe('destroyed')
  })

  it('the page dies while a close waits on it: the window ends; dying otherwise, it is reloaded (the guard starts clean)', () => {
    const waiting = page({})
    waiting.close()
    waiting.guard.onPageGone()
    expect(waiting.log).toEqual(['destroyed'])
    const idle = page({})
    idle.guard.setState(dirty)
    idle.guard.onPageGone()
    expect(idle.close().prevented).toBe(false)
    expect(idle.log).toEqual([])
  })

  it('the session ends (shutdown, log-off) with unsaved edits: no question, the page goes and autosaves; a hung page is ended (fails on the old code, which asked "Save changes?" with no one there)', async () => {
    const { guard, log, event, close, endSession, settle } = page({})
    guard.setState({ ...dirty, run: 'epoch 2, iteration 80' })
    endSession()
    expect(close().prevented).toBe(false)
    const unload = event()
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    expect(unload.prevented).toBe(true)
    guard.onUnresponsive()
    await settle()
    expect(log).toEqual(['destroyed'])
  })
})
