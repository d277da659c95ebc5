/**
 * Issue 15, teacher mode: a teacher records the canvas as steps, writes the text, locks a node
 * and a setting, hides controls, sets a number question (checked by the engine) and a choice,
 * previews it as a student, saves the lesson file; the file opened again in student view locks
 * what it locked.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode } from './helpers/designer'
import { answerChoice, answerNumber, next, openLesson } from './helpers/lessons'

test.beforeEach(async ({ page }) => {
  // Force the download path for the saved lesson (the save picker cannot be driven here).
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker
  })
  await page.goto('/')
  await expect(page.locator('.react-flow__pane')).toBeVisible()
})

/** What the student must not be able to do in the authored first step. */
async function expectStepOneLocks(page: Page): Promise<void> {
  await expect(page.getByTestId('palette')).toHaveCount(0)
  await expect(page.getByTestId('cmd-open')).toBeHidden()
  await selectNode(page, 'hidden')
  await expect(page.getByTestId('inspector-locked')).toBeVisible()
  await expect(page.getByTestId('param-units')).toBeDisabled()
  await page.keyboard.press('Delete')
  await expect(page.locator('.react-flow__node[data-id="hidden"]')).toHaveCount(1)
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-learningRate')).toBeDisabled()
  await expect(page.getByTestId('param-epochs')).toBeEnabled()
}

async function authorTwoSteps(page: Page): Promise<void> {
  await openExample(page, 'mazur-2-2-2')
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-teach').click()
  await expect(page.getByTestId('teacher-panel')).toBeVisible()
  await page.getByTestId('teacher-title').fill('One step on w5')
  await page.getByTestId('teacher-source').fill('Lecture 001, Example of BP calculation')
  await expect(page.getByTestId('teacher-panel')).toContainText('one-step-on-w5.axon-lesson.json')

  // Step 1: the canvas as it is, with text, locks, hidden controls and a number question.
  await page.getByTestId('teacher-record').click()
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '1')
  await page.getByTestId('teacher-step-title').fill('Update w5')
  await page.getByTestId('teacher-step-text').fill('Gradient descent steps against the gradient:\n\n$$w_5^+ = w_5 - \\eta \\frac{\\partial E}{\\partial w_5}$$')
  await expect(page.getByTestId('teacher-text-preview').locator('.lesson-math-block')).toContainText('w5')
  await page.getByTestId('teacher-lock-node-hidden').check()
  await page.getByTestId('teacher-node-params-optimizer').click()
  await page.getByTestId('teacher-lock-param-optimizer-learningRate').check()
  await page.getByTestId('teacher-lock-structure').check()
  await page.getByTestId('teacher-hide-palette').check()
  // Its words name what the student loses: Export and Open link… are in More ▾ (it said 'Export').
  await expect(page.getByTestId('teacher-hide-file').locator('..')).toHaveText(/New \/ Open \/ Save \/ More ▾$/)
  await page.getByTestId('teacher-hide-file').check()
  await page.getByTestId('teacher-question-kind').selectOption('number')
  await page.getByTestId('teacher-question-prompt').fill('What is w5 after one step? (6 decimals)')
  await page.getByTestId('teacher-measure-quantity').selectOption('weight')
  await page.getByTestId('teacher-measure-node').selectOption('output')
  await page.getByTestId('teacher-measure-updates').fill('1')
  await page.getByTestId('teacher-tolerance').fill('0.0000005')
  // The engine's answer, shown while the teacher sets the question up: lecture 001's w5+.
  await expect(page.getByTestId('teacher-engine-answer')).toContainText('The engine computes 0.358916')

  // Step 2: recorded after it (it starts with the same locks), with a choice.
  await page.getByTestId('teacher-record').click()
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '2')
  await expect(page.getByTestId('teacher-lock-node-hidden')).toBeChecked()
  await page.getByTestId('teacher-step-title').fill('Why η?')
  await page.getByTestId('teacher-step-text').fill('η scales the step.')
  await page.getByTestId('teacher-question-kind').selectOption('choice')
  await page.getByTestId('teacher-question-prompt').fill('With η = 0.05 the step is')
  await page.getByTestId('teacher-options').fill('ten times larger\na tenth as large')
  await page.getByTestId('teacher-answer').selectOption('1')
}

test('a lesson authored in teacher mode is previewed, saved, reopened in student view, and locks what it locked', async ({ page }) => {
  await authorTwoSteps(page)

  // Preview as a student, from the first step.
  await page.getByTestId('teacher-step-0').click()
  await page.getByTestId('teacher-preview').click()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'one-step-on-w5')
  await expect(page.getByTestId('lesson-preview')).toBeVisible()
  await expect(page.locator('.lesson-text math').first()).toBeVisible()
  await expectStepOneLocks(page)
  expect(await answerNumber(page, '0.4', '0.358916')).toContain('0.358916')
  await next(page, 1)
  await answerChoice(page, 0, 1)
  if (process.env.AXON_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/lesson-teacher-preview.png' })
  await page.getByTestId('lesson-exit').click()
  await expect(page.getByTestId('teacher-panel')).toBeVisible()
  if (process.env.AXON_SCREENSHOTS === '1') {
    await page.getByTestId('teacher-engine-answer').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'docs/screenshots/lesson-teacher-mode.png' })
  }

  // Save the lesson file.
  const download = page.waitForEvent('download')
  await page.getByTestId('teacher-save').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('one-step-on-w5.axon-lesson.json')
  const path = await file.path()
  const saved = JSON.parse(readFileSync(path, 'utf8'))
  expect(saved).toMatchObject({ format: 'axon-studio/lesson', id: 'one-step-on-w5', title: 'One step on w5' })
  expect(saved.steps[0].lock).toEqual({ nodes: ['hidden'], params: ['optimizer.learningRate'], structure: true, hide: ['palette', 'file'] })
  expect(saved.steps[0].question.measure).toEqual({ quantity: 'weight', node: 'output', unit: 0, input: 0, after: { updates: 1 } })
  expect(saved.steps[1].question).toMatchObject({ kind: 'choice', options: ['ten times larger', 'a tenth as large'], answer: 1 })

  // A student opens the file: no preview, and it locks what the teacher locked.
  await page.reload()
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-file-input').setInputFiles(path)
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'one-step-on-w5')
  await expect(page.getByTestId('lesson-preview')).toHaveCount(0)
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0)
  await expectStepOneLocks(page)
  expect(await answerNumber(page, '0.5', '0.358916')).toContain('the engine computes 0.358916')
})

test('a draft that is not yet a lesson says what is missing, where the teacher is looking', async ({ page }) => {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-teach').click()
  await page.getByTestId('teacher-save').click()
  await expect(page.getByTestId('teacher-problems')).toContainText('$.steps must have at least 1 step')
  await page.getByTestId('teacher-record').click()
  await page.getByTestId('teacher-question-kind').selectOption('choice')
  await page.getByTestId('teacher-options').fill('only one option')
  await page.getByTestId('teacher-preview').click()
  await expect(page.getByTestId('teacher-problems')).toContainText('$.steps[0].question.options')
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0)
})

test('a shipped lesson opens in teacher mode as a copy to change: its steps, text, locks and questions', async ({ page }) => {
  await openLesson(page, 'sjtu-backprop')
  await page.getByTestId('lesson-edit').click()
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0)
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '7')
  await expect(page.getByTestId('teacher-title')).toHaveValue('The SJTU backprop exercise (2-2-1, target 0.5)')
  await expect(page.getByTestId('teacher-step-title')).toHaveValue('Forward pass: the hidden layer')
  await page.getByTestId('teacher-step-4').click()
  await expect(page.getByTestId('teacher-step-text')).toHaveValue(/multiplies by the \*updated\*/)
  await expect(page.getByTestId('teacher-lock-node-hidden')).toBeChecked()
  await expect(page.getByTestId('teacher-measure-quantity')).toHaveValue('delta')
  await expect(page.getByTestId('teacher-engine-answer')).toContainText('The engine computes -0.002654')
  // Tightened by the teacher: the deck's rounded 0.68 no longer counts for step 1.
  await page.getByTestId('teacher-step-0').click()
  await page.getByTestId('teacher-tolerance').fill('0.00005')
  await page.getByTestId('teacher-preview').click()
  await expect(page.getByTestId('lesson-preview')).toBeVisible()
  await page.getByTestId('lesson-answer').fill('0.68')
  await page.getByTestId('lesson-check').click()
  await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-correct', 'false')
  await expect(answerNumber(page, '0.68', '0.68027')).resolves.toContain('0.680267')
})

test('a lesson being written survives a reload: teacher mode opens again on its steps, text and question', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await openExample(page, 'mazur-2-2-2')
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-teach').click()
  await page.getByTestId('teacher-title').fill('Kept across a reload')
  await page.getByTestId('teacher-record').click()
  await page.getByTestId('teacher-step-title').fill('Update w5')
  await page.getByTestId('teacher-step-text').fill('Gradient descent steps against the gradient.')
  await page.getByTestId('teacher-lock-node-hidden').check()
  await page.getByTestId('teacher-question-kind').selectOption('number')
  await page.getByTestId('teacher-question-prompt').fill('What is w5 after one step?')
  await page.getByTestId('teacher-record').click()
  await page.getByTestId('teacher-step-title').fill('Why η?')
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '2')

  await page.reload()
  await expect(page.getByTestId('teacher-panel')).toBeVisible()
  await expect(page.getByTestId('notice')).toContainText('The lesson you were writing, “Kept across a reload”, is open again in teacher mode.')
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '2')
  await expect(page.getByTestId('teacher-title')).toHaveValue('Kept across a reload')
  await expect(page.getByTestId('teacher-step-title')).toHaveValue('Why η?')
  await page.getByTestId('teacher-step-0').click()
  await expect(page.getByTestId('teacher-step-title')).toHaveValue('Update w5')
  await expect(page.getByTestId('teacher-step-text')).toHaveValue('Gradient descent steps against the gradient.')
  await expect(page.getByTestId('teacher-lock-node-hidden')).toBeChecked()
  await expect(page.getByTestId('teacher-question-prompt')).toHaveValue('What is w5 after one step?')
  await expect(page.locator('.react-flow__node[data-id="hidden"]')).toHaveCount(1)

  // Closed, the draft is gone: the next reload opens no teacher mode.
  await page.getByTestId('teacher-close').click()
  await page.reload()
  await expect(page.locator('.react-flow__node[data-id="hidden"]')).toHaveCount(1)
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0)
})

test('a damaged kept draft is dropped at start-up with what is wrong in it; the canvas and teacher mode still work', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await openExample(page, 'mazur-2-2-2')
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-teach').click()
  await page.getByTestId('teacher-title').fill('Damaged in storage')
  await page.getByTestId('teacher-record').click()
  await page.getByTestId('teacher-step-title').fill('Update w5')
  // The tab's own draft entry, beside its autosave slot.
  const key = await page.evaluate(() => `axon.lessons.teacherDraft.v1:${sessionStorage.getItem('axon:autosave-slot')}`)
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.draft?.steps?.[0]?.title, key)).toBe('Update w5')
  // The step's locks lost in storage (an older version, a half-written entry): the step editor
  // reads them at every start. Put in once, as the reloaded page starts (after the old one kept its draft).
  const damaged = await page.evaluate((k) => {
    const kept = JSON.parse(localStorage.getItem(k)!)
    kept.draft.steps[0].lock = null
    return JSON.stringify(kept)
  }, key)
  await page.addInitScript(
    ([k, text]) => {
      if (sessionStorage.getItem('e2e.damaged') === null) localStorage.setItem(k, text)
      sessionStorage.setItem('e2e.damaged', 'done')
    },
    [key, damaged],
  )
  await page.reload()
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('The lesson you were writing could not be opened again: the copy kept in this browser is damaged (step 1, lock: must be an object), so it was dropped. The canvas is as you left it.')
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0)
  // The canvas (autosaved apart) is the teacher's: the recorded network, not an empty one.
  await expect(page.locator('.react-flow__node[data-id="hidden"]')).toHaveCount(1)
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull()
  // Teacher mode opens again on a new draft, and the next start says nothing more.
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-teach').click()
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '0')
  await page.getByTestId('teacher-close').click()
  await page.reload()
  await expect(page.locator('.react-flow__node[data-id="hidden"]')).toHaveCount(1)
  await expect(page.getByTestId('notice')).not.toContainText('could not be opened again')
})
