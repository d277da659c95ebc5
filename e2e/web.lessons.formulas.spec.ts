/**
 * Every formula of every lesson, at a projector's 1024 × 768: each display formula fits its
 * column. Found: 23 of them ran out of the 200 px lesson column and were cut off at its edge —
 * Mazur's worked numbers (net_o1 = … = 0.4 · 0.593269992 + 0.45 · 0.596884378 + 0.6, 544 px),
 * the SJTU deck's new weights, Adam's three updates — since MathML does not wrap; they now wrap
 * at their commas, relations, + − and · × (formulaPieces.ts), while a screen reader still reads each
 * formula as one piece of math. The walk reads the lesson list
 * from the gallery, so a new lesson is walked too.
 */
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'

const journey = journeyPage()
let page: Page
test.beforeAll(() => {
  page = journey.page
})

/** The display formulas of the step on screen that are wider than their column: their width, the column's, and their text. */
function overflowing(): Promise<string[]> {
  return page.locator('.lesson-body .lesson-math-block').evaluateAll((blocks) =>
    blocks.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => `${b.scrollWidth} px in ${b.clientWidth}: ${b.getAttribute('data-tex')}`),
  )
}

/**
 * The display formulas of the step on screen that a screen reader would not read as one piece of
 * math: how many MathML elements it finds in each (found: a wrapped formula read as 5–20 pieces).
 */
function notReadWhole(): Promise<string[]> {
  return page.locator('.lesson-body .lesson-math-block').evaluateAll((blocks) =>
    blocks
      .map((b) => ({ tex: b.getAttribute('data-tex'), read: Array.from(b.querySelectorAll('math')).filter((m) => !m.closest('[aria-hidden="true"]')).length }))
      .filter((b) => b.read !== 1)
      .map((b) => `${b.read} pieces of math read: ${b.tex}`),
  )
}

test('at 1024 × 768 every display formula of every lesson step fits the lesson column, and is read whole', async () => {
  test.setTimeout(180_000)
  await page.getByTestId('cmd-examples').click()
  const lessons = await page.locator('.gallery-card[data-testid^="lesson-"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')!.replace(/^lesson-/, '')))
  await page.keyboard.press('Escape')
  expect(lessons.length).toBeGreaterThanOrEqual(10)
  const found: string[] = []
  let formulas = 0
  for (const lesson of lessons) {
    await page.getByTestId('cmd-examples').click()
    await page.getByTestId(`lesson-${lesson}`).click()
    await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', lesson)
    const steps = await page.locator('.lesson-panel [data-testid^="lesson-step-"]:not([data-testid="lesson-step-title"])').count()
    for (let i = 0; i < steps; i++) {
      await page.getByTestId(`lesson-step-${i}`).click()
      await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', String(i))
      formulas += await page.locator('.lesson-body .lesson-math-block').count()
      for (const f of [...(await overflowing()), ...(await notReadWhole())]) found.push(`${lesson}, step ${i + 1}: ${f}`)
    }
    await page.getByTestId('lesson-exit').first().click()
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0)
  }
  console.log(`${lessons.length} lessons, ${formulas} display formulas walked`)
  expect(formulas).toBeGreaterThanOrEqual(30)
  expect(found).toEqual([])
})

/** Opens step `step` (from 0) of `lesson`, leaving the lesson open before, if any. */
async function openStep(lesson: string, step: number): Promise<void> {
  if ((await page.getByTestId('lesson-panel').count()) > 0) await page.getByTestId('lesson-exit').first().click()
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId(`lesson-${lesson}`).click()
  await page.getByTestId(`lesson-step-${step}`).click()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', String(step))
}

test('the cases brace of ReLU′ stretches over both its rows, in the math font that ships with the app', async () => {
  // Found: the lesson set MathML in Chromium's own "math" font, which on Linux has no MATH table,
  // so the brace stayed one line high beside its two cases. Then it stretched only where the
  // machine had a math font (none on a bare Debian or Ubuntu: the AppImage in a classroom).
  await openStep('activation-functions', 4)
  await expect.poll(() => fontStatuses('Axon Math')).toEqual(['loaded'])
  const cases = page.locator('.lesson-body .lesson-math-block').first().locator('[aria-hidden="true"] mrow:has(> mtable)')
  await expect(cases.locator('> mo').first()).toHaveCSS('font-family', /^"?Axon Math"?, math$/)
  const [brace, table] = await Promise.all([cases.locator('> mo').first().boundingBox(), cases.locator('> mtable').boundingBox()])
  expect(brace && table && brace.height >= 0.8 * table.height, `brace ${brace?.height} px beside cases ${table?.height} px`).toBe(true)
})

/** The load status of each of the page's font faces of `family` (after the fonts in use have loaded). */
function fontStatuses(family: string): Promise<string[]> {
  return page.evaluate(async (family) => {
    await document.fonts.ready
    const statuses: string[] = []
    document.fonts.forEach((f) => void (f.family.replace(/"/g, '') === family && statuses.push(f.status)))
    return statuses
  }, family)
}

test('a prime is set in Temml’s own font, which ships with the app and loads under its content policy', async () => {
  // Found: in a math font a prime is drawn raised already, so in Temml's superscript it sat tiny above the letter.
  await openStep('activation-functions', 2)
  const prime = page.locator('.lesson-body [aria-hidden="true"] mo.tml-prime').first()
  await expect(prime).toHaveCSS('font-family', 'Temml')
  await expect.poll(() => fontStatuses('Temml')).toEqual(['loaded'])
})
