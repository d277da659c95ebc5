import { describe, expect, it } from 'vitest'
import { chartLayout, tickText, tickTexts, type ChartText } from './chartLayout'

/** 6 px per character, like an 11 px font. */
const measure = (t: string) => 6 * t.length

/** The horizontal extent of a placed text. */
function span(t: ChartText): [number, number] {
  const w = measure(t.text)
  return t.anchor === 'start' ? [t.x, t.x + w] : t.anchor === 'end' ? [t.x - w, t.x] : [t.x - w / 2, t.x + w / 2]
}

const epochs = Array.from({ length: 40 }, (_, i) => (i + 1) * 25)

describe('chartLayout keeps every text inside the box', () => {
  it.each([
    ['loss per iteration, last tick at the right edge', epochs, null],
    ['with the min-validation marker near the right edge', epochs, { x: 975, label: 'min validation loss (epoch 39)' }],
    ['with the marker on the left', epochs, { x: 50, label: 'min validation loss (epoch 2)' }],
    ['one point', [1], null],
  ])('%s', (_, x, marker) => {
    const y = x.map((v) => 1 / v)
    const layout = chartLayout({ series: [{ label: 'train', x, y, color: '#000' }, { label: 'validation', x, y: y.map((v) => v * 2), color: '#f80' }], logY: true, xLabel: 'iteration', width: 290, height: 150, marker, measure })
    expect(layout.texts.length).toBeGreaterThan(4)
    for (const t of layout.texts) {
      const [a, b] = span(t)
      expect(a, t.text).toBeGreaterThanOrEqual(0)
      expect(b, t.text).toBeLessThanOrEqual(290)
      expect(t.y).toBeGreaterThan(0)
      expect(t.y).toBeLessThan(150)
    }
    // The last x tick is there (1000 for 40 × 25), flush right rather than cut.
    if (x.length > 1) expect(layout.texts.filter((t) => t.kind === 'tick').map((t) => t.text)).toContain('1000')
    if (marker) expect(layout.texts.find((t) => t.kind === 'marker')?.text).toBe(marker.label)
  })
})

describe('the marker’s label', () => {
  it.each([
    ['near the right edge', 975],
    ['mid-plot in a narrow panel', 650],
    ['on the left', 50],
  ])('%s: inside the box and clear of the y axis’s numbers', (_, at) => {
    const y = epochs.map((v) => 1 / v)
    const layout = chartLayout({ series: [{ label: 'train', x: epochs, y, color: '#000' }], logY: true, xLabel: 'iteration', width: 258, height: 150, marker: { x: at, label: 'min validation loss (epoch 36)' }, measure })
    const label = layout.texts.find((t) => t.kind === 'marker')!
    // Found at 683 × 512: the label, left of a line mid-plot, ran over the top y tick ("0.736").
    expect(span(label)[0]).toBeGreaterThanOrEqual(layout.plot.left)
    expect(span(label)[1]).toBeLessThanOrEqual(258)
  })
})

describe('the legend of many series (a sweep)', () => {
  const series = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `learningRate 0.0${i + 1}, activation sigmoid`, x: epochs, y: epochs.map((v) => 1 / v), color: '#000' }))

  it('wraps into rows inside the box, the plot below them; past three rows the rest is "+ n more"', () => {
    const few = chartLayout({ series: series(4), logY: true, xLabel: 'epoch', width: 700, height: 180, marker: null, measure })
    const many = chartLayout({ series: series(12), logY: true, xLabel: 'epoch', width: 700, height: 180, marker: null, measure })
    for (const layout of [few, many]) {
      for (const t of layout.texts) expect(span(t)[1], t.text).toBeLessThanOrEqual(700)
      const lowest = Math.max(...layout.texts.filter((t) => t.kind === 'legend').map((t) => t.y))
      expect(layout.plot.top).toBeGreaterThan(lowest + 6)
    }
    // 39 characters a label (240 px with its swatch): two to a 700-px row.
    expect(new Set(few.legend.map((l) => l.y)).size).toBe(2)
    expect(many.legend).toHaveLength(6)
    expect(many.texts.filter((t) => t.kind === 'legend').map((t) => t.text).at(-1)).toBe('+ 6 more')
  })
})

describe('tick labels', () => {
  it('write small and large values with up to three significant digits, in the shortest form', () => {
    expect(tickText(5e-4)).toBe('5e-4')
    expect(tickText(4.6123e-4)).toBe('4.61e-4')
    expect(tickText(1e-7)).toBe('1e-7')
    expect(tickText(12_000)).toBe('1.2e+4')
    expect(tickText(0.25)).toBe('0.25')
  })

  it('neighbouring ticks never read alike: a quantity that barely moves gets the digits it needs', () => {
    // Found: a chart of values between 300.02 and 300.08 labelled its axis "300 300 300 300", and a log chart of 75.01 … 75.04 "75 / 75".
    expect(tickTexts([300.02, 300.04, 300.06, 300.08])).toEqual(['300.02', '300.04', '300.06', '300.08'])
    expect(tickTexts([75.01, 75.04])).toEqual(['75.01', '75.04'])
    expect(tickTexts([0.1, 0.2, 0.30000000000000004])).toEqual(['0.1', '0.2', '0.3'])
    expect(tickTexts([10_000, 10_000.5, 10_001])).toEqual(['1e+4', '1.00005e+4', '1.0001e+4'])
    const flat = chartLayout({ series: [{ label: 'train', x: [1, 2, 3], y: [300.02, 300.05, 300.08], color: '#000' }], logY: false, xLabel: 'epoch', width: 290, height: 150, measure })
    const yLabels = flat.texts.filter((t) => t.kind === 'tick' && t.anchor === 'end').map((t) => t.text)
    expect(new Set(yLabels).size, yLabels.join(' ')).toBe(yLabels.length)
  })

  it('a log chart within one decade gives its two ticks different labels', () => {
    const x = [1, 2, 3]
    const layout = chartLayout({ series: [{ label: 'train', x, y: [5.3e-4, 4.9e-4, 4.61e-4], color: '#000' }], logY: true, xLabel: 'epoch', width: 290, height: 150, measure })
    const yLabels = layout.texts.filter((t) => t.kind === 'tick' && t.anchor === 'end').map((t) => t.text)
    expect(yLabels).toEqual(['4.61e-4', '5.3e-4'])
  })

  it('a log chart across one decade line close to an end labels the ends without piling a label on the line’s', () => {
    // A sweep's losses from 0.00414 down to 9.9e-4: the 0.001 line is 1 px from the bottom end, and its label sat on 9.9e-4.
    const x = [1, 2, 3]
    const layout = chartLayout({ series: [{ label: 'train', x, y: [0.00414, 0.002, 9.896e-4], color: '#000' }], logY: true, xLabel: 'epoch', width: 290, height: 180, measure })
    const ticks = layout.texts.filter((t) => t.kind === 'tick' && t.anchor === 'end')
    expect(ticks.map((t) => t.text)).toEqual(['9.9e-4', '0.00414'])
    // A decade line well inside the range keeps its label, clear of both ends'.
    const wide = chartLayout({ series: [{ label: 'train', x, y: [0.004, 0.002, 4e-4], color: '#000' }], logY: true, xLabel: 'epoch', width: 290, height: 180, measure })
    const placed = wide.texts.filter((t) => t.kind === 'tick' && t.anchor === 'end')
    expect(placed.map((t) => t.text)).toEqual(['4e-4', '0.001', '0.004'])
    for (let i = 1; i < placed.length; i++) expect(Math.abs(placed[i].y - placed[i - 1].y)).toBeGreaterThanOrEqual(14)
  })
})

describe('the x axis’s labels', () => {
  it.each([250, 290, 400, 600])('never touch at %i px wide (3000 iterations)', (width) => {
    // Found: a 250 px loss chart (a projector at 150 % in the browser) read '25003000'.
    const x = Array.from({ length: 3000 }, (_, i) => i + 1)
    const layout = chartLayout({ series: [{ label: 'train', x, y: x.map((v) => 1 / v), color: '#000' }], logY: true, xLabel: 'iteration', width, height: 150, marker: null, measure })
    const ticks = layout.texts.filter((t) => t.kind === 'tick' && t.y > layout.plot.bottom).map(span)
    expect(ticks.length).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < ticks.length; i++) expect(ticks[i][0] - ticks[i - 1][1], `gap before tick ${i}`).toBeGreaterThanOrEqual(8)
  })
})
