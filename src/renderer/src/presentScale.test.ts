import { describe, expect, it } from 'vitest'
import { presentScale } from './presentScale'

describe('presentScale', () => {
  it.each([
    // [window height in CSS px, interface zoom, presentation's scale]
    [768, 1, 1.25], // a 1024 × 768 projector: the full quarter, as before
    [1080, 1, 1.25], // never more
    [512, 1, 1], // the browser at 150 % on 1024 × 768: large already, the views keep their room
    [768, 1.5, 1], // the interface at 150 % on 1024 × 768 likewise
    [720, 1, 720 / 614.4], // between: as much as leaves it 614 px of its own
  ])('at %i px and interface zoom %f it is %f', (height, zoom, scale) => {
    expect(presentScale(height, zoom)).toBeCloseTo(scale, 6)
  })
})
