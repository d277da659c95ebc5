import { describe, expect, it } from 'vitest'
import type { Notice } from '../store/uiStore'
import { keptOfferNotice } from './keptOffer'

const open = () => undefined
const modelNotice: Notice = {
  kind: 'info',
  text: 'Opened the model xor.model.json on this network.',
  action: { label: 'Show the runs', run: open },
  otherAction: { label: 'Open as a new project', run: open },
}

describe('keptOfferNotice', () => {
  it('offers the kept work on the notice on screen, its text and first button kept', () => {
    const notice = keptOfferNotice(1, open, { kind: 'info', text: 'Your last session was recovered.', action: modelNotice.action })
    expect(notice).toMatchObject({ text: 'Your last session was recovered. Work from another tab is kept too.', action: modelNotice.action, otherAction: { label: 'Open it' } })
    expect(keptOfferNotice(2, open, notice)?.text).toBe('Your last session was recovered. Work from 2 other tabs is kept too.')
  })

  it('takes its offer back when nothing is kept any more', () => {
    const offered = keptOfferNotice(1, open, null)
    expect(keptOfferNotice(0, open, offered)?.otherAction).toBeUndefined()
  })

  it('leaves a notice’s own second button when nothing is kept (a model opened before the other tabs answered)', () => {
    // Found: the model's "Open as a new project" was gone once the other tabs had answered.
    expect(keptOfferNotice(0, open, modelNotice)).toBe(modelNotice)
    expect(keptOfferNotice(0, open, null)).toBeNull()
  })
})
