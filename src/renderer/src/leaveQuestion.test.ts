import { describe, expect, it } from 'vitest'
import { leaveQuestion, unloadObjects } from './leaveQuestion'

describe('leaveQuestion', () => {
  it('asks nothing when nothing is lost or stopped', () => {
    expect(leaveQuestion({ dirty: false, run: null, sweep: null })).toBeNull()
  })

  it('names unsaved changes and a run as before', () => {
    expect(leaveQuestion({ dirty: true, run: null, sweep: null })).toBe('Discard the unsaved changes to this network?')
    expect(leaveQuestion({ dirty: true, run: 'epoch 3', sweep: null })).toBe('Discard the unsaved changes to this network and stop its training (epoch 3)?')
    expect(leaveQuestion({ dirty: false, run: 'epoch 3', sweep: null })).toBe('Open another network and stop its training (epoch 3)? Export the model first to keep the trained weights.')
  })

  it('names a sweep under way, which another network stops', () => {
    expect(leaveQuestion({ dirty: true, run: null, sweep: '2 of 12 runs done' })).toBe('Discard the unsaved changes to this network and stop its sweep (2 of 12 runs done)?')
    expect(leaveQuestion({ dirty: false, run: null, sweep: '0 of 12 runs done' })).toBe('Open another network and stop its sweep (0 of 12 runs done)?')
    expect(leaveQuestion({ dirty: true, run: 'epoch 3', sweep: '1 of 4 runs done' })).toBe('Discard the unsaved changes to this network and stop its training (epoch 3) and stop its sweep (1 of 4 runs done)?')
  })
})

describe('leaveQuestion for a network the user did not pick here (a share link in the address bar)', () => {
  const opening = { what: 'the shared network “Mazur 2-2-2”', backReturns: true }
  it('names what opens, what is lost, whether Back brings it back, and what Cancel does', () => {
    expect(leaveQuestion({ dirty: true, run: null, sweep: null, opening })).toBe(
      'Open the shared network “Mazur 2-2-2” in place of this network? Its unsaved changes are discarded. Back in the browser brings them back while this tab stays open. Cancel keeps this network as it is.',
    )
    expect(leaveQuestion({ dirty: true, run: 'epoch 3', sweep: '1 of 4 runs done', opening: { ...opening, backReturns: false } })).toBe(
      'Open the shared network “Mazur 2-2-2” in place of this network? Its unsaved changes are discarded, its training (epoch 3) stops and its sweep (1 of 4 runs done) stops. Cancel keeps this network as it is.',
    )
    // Back brings the network back, not a run: only unsaved changes get the note.
    expect(leaveQuestion({ dirty: false, run: 'epoch 3', sweep: null, opening })).toBe('Open the shared network “Mazur 2-2-2” in place of this network? Its training (epoch 3) stops. Cancel keeps this network as it is.')
    expect(leaveQuestion({ dirty: false, run: null, sweep: null, opening })).toBeNull()
  })
})

describe('unloadObjects: what the page’s beforeunload objects to', () => {
  it.each([
    [{ unsavedFile: false, run: null, sweep: null }, false],
    [{ unsavedFile: true, run: null, sweep: null }, true],
    [{ unsavedFile: false, run: 'epoch 3, iteration 30', sweep: null }, true],
    [{ unsavedFile: false, run: null, sweep: '1 of 4 runs done' }, true],
  ])('%o → %s', (state, objects) => {
    expect(unloadObjects(state)).toBe(objects)
  })
})
