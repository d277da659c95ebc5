import { describe, expect, it } from 'vitest'
import { CHROMIUM_SWITCHES } from './chromiumSwitches'

describe('Chromium switches', () => {
  it("commit the autosave a second after each change, not on Chromium's rate-limited schedule (up to 60 commits and 10 MB an hour: a hard kill lost minutes of work; fails on the old main, which set none)", () => {
    expect(CHROMIUM_SWITCHES.map((s) => s.name)).toContain('enable-aggressive-domstorage-flushing')
  })
})
