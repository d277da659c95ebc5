/**
 * Playwright helpers for lessons, in the student's words: open a lesson from the gallery, answer
 * the step's question (wrong first, then right), go on, train for a target question.
 */
import { expect, type Page } from '@playwright/test'
import { showTrainingPanel } from './training'

export async function openLesson(page: Page, id: string): Promise<void> {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId(`lesson-${id}`).click()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', id)
}

/** Answers the current number question with `wrong`, then `right`; returns the feedback text of the right one. */
export async function answerNumber(page: Page, wrong: string, right: string): Promise<string> {
  const feedback = page.getByTestId('lesson-feedback')
  await page.getByTestId('lesson-answer').fill(wrong)
  await page.getByTestId('lesson-check').click()
  await expect(feedback).toHaveAttribute('data-correct', 'false')
  await expect(feedback).toContainText('Not quite: the engine computes')
  await page.getByTestId('lesson-answer').fill(right)
  await page.getByTestId('lesson-check').click()
  await expect(feedback).toHaveAttribute('data-correct', 'true')
  return (await feedback.textContent()) ?? ''
}

export async function answerChoice(page: Page, wrong: number, right: number): Promise<void> {
  const feedback = page.getByTestId('lesson-feedback')
  await page.getByTestId(`lesson-option-${wrong}`).check()
  await page.getByTestId('lesson-check').click()
  await expect(feedback).toHaveAttribute('data-correct', 'false')
  await page.getByTestId(`lesson-option-${right}`).check()
  await page.getByTestId('lesson-check').click()
  await expect(feedback).toHaveAttribute('data-correct', 'true')
}

/** A target question: checked before training (not yet), then after a whole run (reached). */
export async function answerTarget(page: Page, runTimeout: number): Promise<string> {
  const feedback = page.getByTestId('lesson-feedback')
  await page.getByTestId('lesson-check').click()
  await expect(feedback).toHaveAttribute('data-correct', 'false')
  await expect(feedback).toContainText('Train the network first')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: runTimeout })
  await page.getByTestId('lesson-check').click()
  await expect(feedback).toHaveAttribute('data-correct', 'true')
  return (await feedback.textContent()) ?? ''
}

export async function next(page: Page, step: number): Promise<void> {
  await page.getByTestId('lesson-next').click()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', String(step))
}

/** One step of a scripted play: a number (wrong, right, what the feedback then shows), a choice (wrong, right) or a target. */
export type Play = { number: [wrong: string, right: string]; shows: string[] } | { choice: [wrong: number, right: number]; shows?: string[] } | { target: number; shows?: string[] }

/** Plays a lesson from its first step to its last, answering each step as `plays` says; the lesson must end complete. */
export async function playLesson(page: Page, id: string, plays: Play[], screenshotAt?: number): Promise<void> {
  await openLesson(page, id)
  for (const [i, play] of plays.entries()) {
    if (i > 0) await next(page, i)
    if ('number' in play) await answerNumber(page, ...play.number)
    else if ('choice' in play) await answerChoice(page, ...play.choice)
    else await answerTarget(page, play.target)
    for (const text of play.shows ?? []) await expect(page.getByTestId('lesson-panel')).toContainText(text)
    if (i === screenshotAt && process.env.AXON_SCREENSHOTS === '1') await page.screenshot({ path: `docs/screenshots/lesson-${id}.png` })
  }
  await expect(page.getByTestId('lesson-next')).toBeDisabled()
  await expect(page.getByTestId('lesson-done')).toBeVisible()
}
