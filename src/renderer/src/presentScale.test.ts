import { describe, expect, it } from 'vitest'
import { presentScale } from './presentScale'
import { UI_ZOOM_STEPS } from './store/uiStore'

describe('presentScale', () => {
  it.each([
    // [window height in CSS px, presentation's scale]
    [768, 1.25], // a 1024 × 768 projector: the full quarter
    [1080, 1.25], // never more
    [512, 1], // the browser at 150 % on 1024 × 768: large already, the views keep their room
    [600, 1], // never less than the interface's own size
    [700, 700 / 614.4], // between: as much as leaves 614 px of the interface's own
  ])('at %i px it is %f', (height, scale) => {
    expect(presentScale(height)).toBeCloseTo(scale, 6)
  })

  it('leaves every interface zoom step a step while presenting (Ctrl + makes it larger)', () => {
    // Found: scaled down as the zoom went up, 100 %, 110 % and 125 % all presented at 1.25 on a 768 px window.
    for (const height of [512, 768, 1080]) {
      const presented = UI_ZOOM_STEPS.map((zoom) => zoom * presentScale(height))
      for (let i = 1; i < presented.length; i++) expect(presented[i]).toBeGreaterThan(presented[i - 1])
    }
  })
})
