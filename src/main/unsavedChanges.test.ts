import { describe, expect, it } from 'vitest'
import { createUnsavedGuard, saveDialogOptions, SAVE_DIALOG_ORDER, type SaveChoice } from './unsavedChanges'

function setup(answer: SaveChoice, saveWorks = true, dialogWorks = true) {
  const log: string[] = []
  const guard = createUnsavedGuard({
    askAsync: async (name) => {
      if (!dialogWorks) throw new Error('no dialog')
      return (log.push(`ask ${name}`), answer)
    },
    askSync: (name) => (log.push(`ask-sync ${name}`), answer),
    save: async () => (log.push('save'), saveWorks),
    cancelled: () => void log.push('kept open'),
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
    guard.setState({ dirty: true, name: 'xor.axon.json' })
    const e = event()
    guard.onClose(e, () => log.push('closed'))
    await settle()
    expect(e.prevented).toBe(true)
    expect(log).toEqual(['ask xor.axon.json', 'kept open'])
  })

  it("Don't Save closes, and the close it triggers (and the page's beforeunload) go through", async () => {
    const { guard, log, event, settle } = setup('discard')
    guard.setState({ dirty: true, name: 'xor.axon.json' })
    guard.onClose(event(), () => log.push('closed'))
    await settle()
    expect(log).toEqual(['ask xor.axon.json', 'closed'])
    const again = event()
    guard.onClose(again, () => log.push('closed twice'))
    expect(again.prevented).toBe(false)
    const unload = event()
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    expect(unload.prevented).toBe(true)
    expect(log).toEqual(['ask xor.axon.json', 'closed'])
  })

  it('Save closes only once the renderer saved', async () => {
    const ok = setup('save', true)
    ok.guard.setState({ dirty: true, name: 'a' })
    ok.guard.onClose(ok.event(), () => ok.log.push('closed'))
    await ok.settle()
    expect(ok.log).toEqual(['ask a', 'save', 'closed'])

    const failed = setup('save', false)
    failed.guard.setState({ dirty: true, name: 'b' })
    failed.guard.onClose(failed.event(), () => failed.log.push('closed'))
    await failed.settle()
    expect(failed.log).toEqual(['ask b', 'save', 'kept open'])
  })

  it('asks once while its dialog is open, however often close is pressed', async () => {
    const { guard, log, event, settle } = setup('cancel')
    guard.setState({ dirty: true, name: 'a' })
    const second = event()
    guard.onClose(event(), () => {})
    guard.onClose(second, () => {})
    await settle()
    expect(second.prevented).toBe(true)
    expect(log).toEqual(['ask a', 'kept open'])
  })
})

describe('"Save changes?" never keeps the window open without a word', () => {
  it('a dialog that cannot be shown lets the close go on (the autosave keeps the work)', async () => {
    const { guard, log, event, settle } = setup('cancel', true, false)
    guard.setState({ dirty: true, name: 'a' })
    guard.onClose(event(), () => log.push('closed'))
    await settle()
    expect(log).toEqual(['closed'])
  })

  // The page became dirty just before the close, its report not yet in main: the page's
  // beforeunload objects, and Save must save and then close, not reload the page.
  it.each([
    ['save', ['ask-sync n', 'save', 'close']],
    ['cancel', ['ask-sync n', 'kept open']],
  ] as const)('a close main let through that the page objects to: %s', async (answer, expected) => {
    const { guard, log, event, settle } = setup(answer)
    const close = event()
    guard.onClose(close, () => log.push('close again'))
    expect(close.prevented).toBe(false)
    guard.setState({ dirty: true, name: 'n' })
    const unload = event()
    guard.onWillPreventUnload(unload, { reload: () => log.push('reload'), close: () => log.push('close') })
    await settle()
    expect(unload.prevented).toBe(false)
    expect(log).toEqual(expected)
  })

  it('a Save that failed (read-only folder, full disk) keeps the window open and says the Quit is off', async () => {
    const { guard, log, event, settle } = setup('save', false)
    guard.setState({ dirty: true, name: 'n' })
    guard.onWillPreventUnload(event(), { reload: () => log.push('reload'), close: () => log.push('close') })
    await settle()
    expect(log).toEqual(['ask-sync n', 'save', 'kept open'])
  })
})

describe('"Save changes?" on reload (will-prevent-unload)', () => {
  it.each([
    ['discard', true, ['ask-sync n']],
    ['cancel', false, ['ask-sync n', 'kept open']],
    ['save', false, ['ask-sync n', 'save', 'reload']],
  ] as const)('%s: unload goes ahead = %s', async (answer, proceeds, expected) => {
    const { guard, log, event, settle } = setup(answer)
    guard.setState({ dirty: true, name: 'n' })
    const e = event()
    guard.onWillPreventUnload(e, { reload: () => log.push('reload'), close: () => log.push('close') })
    await settle()
    expect(e.prevented).toBe(proceeds)
    expect(log).toEqual(expected)
  })

  it('a reloaded page starts clean until it reports again', () => {
    const { guard, log, event } = setup('cancel')
    guard.setState({ dirty: true, name: 'n' })
    guard.reset()
    const e = event()
    guard.onClose(e, () => log.push('closed'))
    expect(e.prevented).toBe(false)
  })
})

describe('the dialog', () => {
  it('offers Save, Don’t Save and Cancel, Escape meaning Cancel', () => {
    const options = saveDialogOptions('xor.axon.json')
    expect(options.buttons).toEqual(['Save', "Don't Save", 'Cancel'])
    expect(SAVE_DIALOG_ORDER[options.cancelId]).toBe('cancel')
    expect(options.message).toContain('xor.axon.json')
  })
})
