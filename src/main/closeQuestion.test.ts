import { describe, expect, it } from 'vitest'
import { choiceOf, closeLoses, closeQuestion, unresponsiveQuestion } from './closeQuestion'

const state = { dirty: false, name: 'xor.axon.json', run: null, sweep: null }

describe('closeQuestion: one dialog that says everything the page going would lose', () => {
  it('unsaved edits alone: Save, Don’t Save, Cancel (Escape = Cancel); the answer index maps to the choice', () => {
    const q = closeQuestion({ ...state, dirty: true }, 'close')
    expect(q.options.buttons).toEqual(['Save', "Don't Save", 'Cancel'])
    expect(q.options.message).toBe('Save the changes to “xor.axon.json”?')
    expect(q.options.detail).toBe('Your changes will be lost if you don’t save them.')
    expect(choiceOf(q, q.options.cancelId)).toBe('cancel')
    expect([0, 1, 2, 7].map((i) => choiceOf(q, i))).toEqual(['save', 'discard', 'cancel', 'cancel'])
  })

  it('a run alone: Stop and Quit / Cancel, Cancel the default so Enter keeps the run going', () => {
    const q = closeQuestion({ ...state, run: 'epoch 12, iteration 480' }, 'quit')
    expect(q.options.message).toBe('Stop training of “xor.axon.json” and quit?')
    expect(q.options.buttons).toEqual(['Stop and Quit', 'Cancel'])
    expect(q.options.defaultId).toBe(q.options.cancelId)
    expect([0, 1].map((i) => choiceOf(q, i))).toEqual(['discard', 'cancel'])
    expect(q.options.detail).toBe(
      'Quitting stops the training run (epoch 12, iteration 480); the weights it has trained will be lost. To keep the weights, choose Cancel and export the model first.',
    )
  })

  it('unsaved edits, a run and a sweep: the Save question names both stops', () => {
    const q = closeQuestion({ ...state, dirty: true, run: 'epoch 1, iteration 10', sweep: '2 of 12 runs done' }, 'reload')
    expect(q.options.buttons).toEqual(['Save', "Don't Save", 'Cancel'])
    expect(q.options.detail).toBe(
      'Your changes will be lost if you don’t save them. Reloading stops the training run (epoch 1, iteration 10) and the sweep (2 of 12 runs done); the weights it has trained and the sweep’s unfinished runs will be lost. To keep the weights, choose Cancel and export the model first.',
    )
  })

  it('a sweep alone, and a network without a name', () => {
    const q = closeQuestion({ ...state, name: '', sweep: '0 of 4 runs done' }, 'close')
    expect(q.options.message).toBe('Stop the sweep and close the window?')
    expect(q.options.buttons).toEqual(['Stop and Close', 'Cancel'])
    expect(q.options.detail).toBe('Closing stops the sweep (0 of 4 runs done); the sweep’s unfinished runs will be lost.')
  })

  it('closeLoses: edits, a run or a sweep; nothing else', () => {
    expect(closeLoses(state)).toBe(false)
    expect(closeLoses({ ...state, dirty: true })).toBe(true)
    expect(closeLoses({ ...state, run: 'epoch 1, iteration 1' })).toBe(true)
    expect(closeLoses({ ...state, sweep: '0 of 1 runs done' })).toBe(true)
  })

  it('the page objected before its report arrived (nothing known here): asked as unsaved edits', () => {
    expect(closeQuestion(state, 'close').choices).toEqual(['save', 'discard', 'cancel'])
  })

  it('not responding: Wait is the default; the detail says what going without the page loses', () => {
    const q = unresponsiveQuestion({ ...state, dirty: true, name: 'xor.axon.json', run: 'epoch 2, iteration 8' }, 'quit')
    expect(q.choices).toEqual(['discard', 'cancel'])
    expect(q.options).toMatchObject({ buttons: ['Quit Anyway', 'Wait'], defaultId: 1, cancelId: 1 })
    expect(q.options.detail).toBe(
      'Wait gives it time to finish what it is doing. It cannot save “xor.axon.json” now: the changes since the autosave last wrote them will be lost (what it wrote comes back when Axon Studio opens again). Quitting stops the training run.',
    )
    expect(unresponsiveQuestion(state, 'close').options.detail).toBe('Wait gives it time to finish what it is doing.')
  })
})
