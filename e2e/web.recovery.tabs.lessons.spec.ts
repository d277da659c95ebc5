import { expect, test, type Page } from '@playwright/test'
import { openExample } from './helpers/designer'
import { answerChoice, answerNumber, next, openLesson } from './helpers/lessons'

// Two tabs of the app in one browser share its storage: the lesson each plays and the lesson
// each teacher writes are kept per tab, beside its autosave slot, as its network is. Before,
// one entry served every tab: a tab opened (or reloaded) beside another reopened that tab's
// lesson or draft on its own canvas.

/** A fresh tab of the same browser, every dialog accepted. */
async function newTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage()
  tab.on('dialog', (d) => void d.accept())
  await tab.goto('/')
  await expect(tab.getByTestId('engine-version')).toBeVisible()
  return tab
}

/** Opens teacher mode on the canvas's network and records one step under `title`; waits until the draft is kept. */
async function writeDraft(page: Page, title: string): Promise<void> {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-teach').click()
  await page.getByTestId('teacher-title').fill(title)
  await page.getByTestId('teacher-record').click()
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '1')
  await expect
    .poll(() => page.evaluate((t) => Object.entries(localStorage).some(([k, v]) => k.startsWith('axon.lessons.teacherDraft.v1:') && v.includes(t)), title))
    .toBe(true)
}

test('two tabs: each reopens its own lesson after a reload; a tab opened beside them opens none', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await page.goto('/')
  await openLesson(page, 'perceptron-rule')
  const other = await newTab(page)
  await expect(other.getByTestId('lesson-panel')).toHaveCount(0)
  await openLesson(other, 'backprop-by-hand')

  await page.reload()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'perceptron-rule')
  await other.reload()
  await expect(other.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'backprop-by-hand')
})

/** The answers the browser keeps for lesson `id`, by step: how many tries, the last one right or not. */
async function keptAnswers(page: Page, id: string): Promise<Record<string, string>> {
  return page.evaluate((id) => {
    const answers = (JSON.parse(localStorage.getItem('axon.lessons.progress.v1') ?? '{}') as { lessons?: Record<string, { answers: Record<string, { correct: boolean }[]> }> }).lessons?.[id]?.answers ?? {}
    return Object.fromEntries(Object.entries(answers).map(([step, tries]) => [step, `${tries.length} tries, ${tries.at(-1)?.correct ? 'right' : 'wrong'}`]))
  }, id)
}

test('two tabs, a lesson in each: answering in one tab keeps the other tab’s answers and step, after a reload too', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await page.goto('/')
  await openLesson(page, 'encoder-hidden-codes')
  const other = await newTab(page)
  await openLesson(other, 'activation-functions')
  await answerChoice(page, 0, 2)
  await next(page, 1)
  await answerNumber(other, '0.5', '0.731')
  // Found: each tab saved its own copy of the progress, read when it opened: the other tab's
  // answer wrote the encoder lesson back to step 1 with no answers, and a reload showed that.
  expect(await keptAnswers(page, 'encoder-hidden-codes')).toEqual({ '0': '2 tries, right' })
  expect(await keptAnswers(page, 'activation-functions')).toEqual({ '0': '2 tries, right' })
  await page.reload()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '1')
  await other.reload()
  await expect(other.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'activation-functions')
  await expect(other.getByTestId('lesson-panel')).toHaveAttribute('data-step', '0')
})

test('two tabs: each teacher’s draft reopens in its own tab only', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  await writeDraft(page, 'Written in tab A')
  const other = await newTab(page)
  await expect(other.getByTestId('teacher-panel')).toHaveCount(0)
  await openExample(other, 'xor-2-2-1-sigmoid')
  await writeDraft(other, 'Written in tab B')

  await page.reload()
  await expect(page.getByTestId('teacher-title')).toHaveValue('Written in tab A')
  await other.reload()
  await expect(other.getByTestId('teacher-title')).toHaveValue('Written in tab B')
  // Closing teacher mode in one tab forgets its draft only.
  await other.getByTestId('teacher-close').click()
  await page.reload()
  await expect(page.getByTestId('teacher-title')).toHaveValue('Written in tab A')
  await other.reload()
  await expect(other.getByTestId('engine-version')).toBeVisible()
  await expect(other.getByTestId('teacher-panel')).toHaveCount(0)
})

test('two tabs closed, one in a lesson, one writing a lesson: “Open it” on the other’s kept work brings its lesson or draft with its network', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await page.goto('/')
  await openLesson(page, 'perceptron-rule')
  const other = await newTab(page)
  await openExample(other, 'xor-2-2-1-sigmoid')
  await writeDraft(other, 'Written in tab B')
  await page.close()
  await other.close()

  // The next tab recovers the tab closed last, with its draft, and offers the other's work.
  const next = await newTab(other)
  await expect(next.getByTestId('teacher-title')).toHaveValue('Written in tab B')
  await expect(next.getByTestId('lesson-panel')).toHaveCount(0)
  // Found: the network switched, the lesson stayed behind (and B's draft stayed open over A's network).
  await next.getByTestId('notice-other-action').click()
  await expect(next.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'perceptron-rule')
  await expect(next.getByTestId('teacher-panel')).toHaveCount(0)
  await expect(next.getByTestId('notice')).toContainText('is open again at step')
  await next.screenshot({ path: 'test-results/kept-work-lesson.png' })
  // And back: the draft with its network; the lesson stays with the work put aside.
  await next.getByTestId('notice-other-action').click()
  await expect(next.getByTestId('teacher-title')).toHaveValue('Written in tab B')
  await expect(next.getByTestId('lesson-panel')).toHaveCount(0)
  await next.getByTestId('notice-other-action').click()
  await expect(next.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'perceptron-rule')
  // A reload keeps what the tab shows now.
  await next.reload()
  await expect(next.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'perceptron-rule')
  await expect(next.getByTestId('teacher-panel')).toHaveCount(0)
})
