/**
 * Issue 15: the shipped lessons play from start to end in the browser build. Each question is
 * answered wrong, then right; the engine's numbers on screen are the lecture's; locks hold;
 * progress survives a reload and is exported as a file to hand in.
 */
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { selectNode } from './helpers/designer'
import { answerChoice, answerNumber, next, openLesson } from './helpers/lessons'

test.beforeEach(async ({ page }) => {
  // Force the download path for the progress file (the save picker cannot be driven here).
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker
  })
  await page.goto('/')
  await expect(page.locator('.react-flow__pane')).toBeVisible()
})

test('the perceptron rule: AND stops after 6 epochs at b = −3, XOR never stops; locks hold; progress is kept and exported', async ({ page }) => {
  await openLesson(page, 'perceptron-rule')
  // The step hides the palette and the file commands, and locks the network.
  await expect(page.getByTestId('palette')).toHaveCount(0)
  await expect(page.getByTestId('cmd-open')).toBeHidden()
  await expect(page.getByTestId('lesson-step-title')).toHaveText('1. A threshold unit')
  await expect(page.locator('.lesson-text math').first()).toBeVisible()
  await answerChoice(page, 0, 1)
  await expect(page.getByTestId('lesson-feedback')).toContainText('the first mistake in the lecture’s table')
  if (process.env.AXON_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/lesson-perceptron.png' })

  await selectNode(page, 'neuron')
  await expect(page.getByTestId('inspector-locked')).toBeVisible()
  await expect(page.getByTestId('param-units')).toBeDisabled()
  await page.keyboard.press('Delete')
  await expect(page.locator('.react-flow__node[data-id="neuron"]')).toHaveCount(1)

  await next(page, 1)
  expect(await answerNumber(page, '1', '-1')).toContain('the engine computes -1')
  await next(page, 2)
  expect(await answerNumber(page, '0', '1')).toContain('the engine computes 1')
  await next(page, 3)
  expect(await answerNumber(page, '5', '6')).toContain('the engine computes 6')
  await next(page, 4)
  const b = await answerNumber(page, '-2', '−3'.replace('−', '-'))
  expect(b).toContain('the engine computes -3')
  await expect(page.getByTestId('lesson-feedback')).toContainText('It stops at w = (2, 1), b = −3')
  await next(page, 5)
  await expect(page.locator('.react-flow__node[data-id="neuron"]')).toHaveCount(1)
  await answerChoice(page, 0, 1)
  await expect(page.getByTestId('lesson-done')).toBeVisible()

  // Progress is kept on this machine: after a reload the lesson opens again where the student was.
  await page.getByTestId('lesson-student').fill('Ada Lovelace')
  await page.reload()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '5')
  await expect(page.getByTestId('lesson-previous')).toContainText('right')
  const download = page.waitForEvent('download')
  await page.getByTestId('lesson-export').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('ada-lovelace-perceptron-rule.progress.json')
  const progress = JSON.parse(readFileSync(await file.path(), 'utf8'))
  expect(progress).toMatchObject({ format: 'axon-studio/lesson-progress', student: 'Ada Lovelace', lesson: 'perceptron-rule', complete: true })
  expect(progress.answers['3'].map((a: { given: string; correct: boolean }) => [a.given, a.correct])).toEqual([
    ['5', false],
    ['6', true],
  ])

  // Leaving the lesson lifts its locks and brings the hidden controls back.
  await expect(page.getByTestId('cmd-examples')).toBeHidden()
  await page.getByTestId('lesson-exit').click()
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0)
  await selectNode(page, 'neuron')
  await expect(page.getByTestId('param-units')).toBeEnabled()
  await page.getByTestId('cmd-examples').click()
  await expect(page.getByTestId('lesson-perceptron-rule')).toContainText('at step 6')
  await page.getByTestId('example-perceptron-and').click()
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0)
  await expect(page.getByTestId('palette')).toBeVisible()
})

test('backpropagation by hand: the Mazur 2-2-2 numbers of lecture 001, checked by the engine', async ({ page }) => {
  await openLesson(page, 'backprop-by-hand')
  expect(await answerNumber(page, '0.5', '0.593270')).toContain('0.593269992')
  await next(page, 1)
  expect(await answerNumber(page, '0.7', '0.751365')).toContain('0.75136507')
  await next(page, 2)
  expect(await answerNumber(page, '0.3', '0.298371')).toContain('0.298371108')
  await next(page, 3)
  expect(await answerNumber(page, '0.4', '0.358916')).toContain('0.358916479')
  if (process.env.AXON_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/lesson-backprop.png' })
  await next(page, 4)
  expect(await answerNumber(page, '0.15', '0.149780716')).toContain('0.14978071')
  await expect(page.getByTestId('lesson-done')).toBeVisible()
  // Locked: the learning rate of the lesson cannot be changed.
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-learningRate')).toBeDisabled()
})
