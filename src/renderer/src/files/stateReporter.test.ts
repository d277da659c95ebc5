import { describe, expect, it } from 'vitest'
import type { DocumentState } from '../../../shared/ipc'
import { createStateReporter } from './stateReporter'

function setup() {
  const sent: DocumentState[] = []
  let due: (() => void) | null = null
  const report = createStateReporter((s) => void sent.push(s), 1000, {
    set: (run) => ((due = run), 'timer'),
    clear: () => void (due = null),
  })
  const tick = () => {
    const run = due
    due = null
    run?.()
  }
  return { sent, report, tick, pending: () => due !== null }
}

const idle: DocumentState = { dirty: false, name: 'Fashion', run: null, sweep: null }
const at = (iteration: number): DocumentState => ({ ...idle, run: `epoch 1, iteration ${iteration}` })

describe('createStateReporter: what a close would lose reaches main at once, progress at most once a second', () => {
  it('sends the first state, and a run starting, at once; the same state twice only once', () => {
    const { sent, report } = setup()
    report(idle)
    report(idle)
    report(at(10))
    expect(sent).toEqual([idle, at(10)])
  })

  it('progress within a run waits for the interval and then sends only the latest', () => {
    const { sent, report, tick, pending } = setup()
    report(at(10))
    report(at(20))
    report(at(30))
    expect(sent).toEqual([at(10)])
    expect(pending()).toBe(true)
    tick()
    expect(sent).toEqual([at(10), at(30)])
    expect(pending()).toBe(false)
  })

  it('the run ending goes at once, and the progress still waiting is dropped', () => {
    const { sent, report, tick, pending } = setup()
    report(at(10))
    report(at(20))
    report(idle)
    expect(sent).toEqual([at(10), idle])
    expect(pending()).toBe(false)
    tick()
    expect(sent).toEqual([at(10), idle])
  })

  it('unsaved edits or a sweep starting go at once too; a state back to what was sent sends nothing', () => {
    const { sent, report, tick } = setup()
    report(at(10))
    report({ ...at(10), dirty: true })
    report({ ...at(10), dirty: true, sweep: '0 of 3 runs done' })
    report({ ...at(20), dirty: true, sweep: '0 of 3 runs done' })
    report({ ...at(10), dirty: true, sweep: '0 of 3 runs done' })
    tick()
    expect(sent).toEqual([at(10), { ...at(10), dirty: true }, { ...at(10), dirty: true, sweep: '0 of 3 runs done' }])
  })
})
