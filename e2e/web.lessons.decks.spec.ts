/**
 * Issue 15: the lessons of the other decks play from start to end in the browser build. Each
 * question is answered wrong, then right, and the lecture's numbers (and the engine's) are on
 * screen. These four need no training run; web.lessons.training.spec.ts has the ones that do.
 */
import { expect, test } from '@playwright/test'
import { selectNode } from './helpers/designer'
import { playLesson } from './helpers/lessons'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('.react-flow__pane')).toBeVisible()
})

test('activation functions: σ(1) = 0.731, σ(0.5) = 0.622 (the deck’s 0.378 explained), σ′(0) = 0.25, tanh′, ReLU, softplus', async ({ page }) => {
  await playLesson(
    page,
    'activation-functions',
    [
      { number: ['0.5', '0.731'], shows: ['the engine computes 0.731058', '[0.5, 0.732)'] },
      { number: ['0.378', '0.622'], shows: ['the engine computes 0.622459', 'The deck’s 0.378 is 1 − σ(0.5)'] },
      { number: ['0.5', '0.25'], shows: ['the engine computes 0.25.', 'lower than 0.25'] },
      { number: ['0.462', '0.786'], shows: ['the engine computes 0.786447', 'tanh′(0.5) = 1 − 0.462² = 0.786'] },
      { number: ['1', '2'], shows: ['the engine computes 2.', 'its range is [0, ∞)'] },
      { number: ['1', '0'], shows: ['the engine computes 0.'] },
      { number: ['0', '0.693'], shows: ['the engine computes 0.693147', 'ln 2'] },
      { choice: [0, 1] },
    ],
    1,
  )
  // The step's network is locked: the unit's weight cannot be edited.
  await selectNode(page, 'unit')
  await expect(page.getByTestId('inspector-locked')).toBeVisible()
})

test('the SJTU exercise: 0.68, 0.69, δ = −0.0406, w1+ = 0.272392; the deck’s hidden δ1 = −2.406e-3 uses the updated weight and is marked wrong', async ({ page }) => {
  await playLesson(
    page,
    'sjtu-backprop',
    [
      { number: ['0.755', '0.68'], shows: ['the engine computes 0.680267', 'σ(0.755) = 0.6803'] },
      { number: ['0.80', '0.69'], shows: ['the engine computes 0.690283', '0.5 − 0.69 = −0.19'] },
      { number: ['0.0406', '-0.0406'], shows: ['the engine computes -0.040681', 'the deck gets −0.0406'] },
      { number: ['0.3', '0.272392'], shows: ['the engine computes 0.272325', 'gives 0.272392'] },
      // The deck's own number is wrong by standard backprop.
      { number: ['-0.002406', '-0.002654'], shows: ['the engine computes -0.002654', 'not the deck’s −0.002406', 'multiplies by the updated'] },
      { number: ['0.09916', '0.09907'], shows: ['the engine computes 0.099070', '(the deck: 0.09916)'] },
      { number: ['0.69', '0.6820'], shows: ['the engine computes 0.682018', '−0.18205'] },
    ],
    4,
  )
})

test('gradient descent: Assignment 6’s f with η = 0.01, 0.05, 0.1; η in a backprop step; updates per epoch; a step schedule', async ({ page }) => {
  await playLesson(
    page,
    'gradient-descent',
    [
      { number: ['0', '-0.836'], shows: ['the engine computes -0.836272'] },
      { number: ['-8', '-8.9775'], shows: ['the engine computes -8.977513', 'f(−0.8433) = −8.9775'] },
      { number: ['-0.8', '-0.8433'], shows: ['the engine computes -0.843306'] },
      { choice: [0, 1] },
      { number: ['0.358916', '0.395892'], shows: ['the engine computes 0.395891', '0.082167041'] },
      { number: ['13', '15'], shows: ['the engine computes 15.', '8/3 × 5 ≈ 13.3'] },
      { number: ['0.0025', '0.00125'], shows: ['the engine computes 0.00125', 'LearnRateDropFactor 0.5'] },
    ],
    5,
  )
})

test('momentum and adaptive optimizers: w5 after lecture 001’s and lecture 004’s momentum, AdaGrad, RMSProp and Adam', async ({ page }) => {
  await playLesson(
    page,
    'momentum-adaptive',
    [
      { number: ['0.4', '0.3589165'], shows: ['the engine computes 0.358916', '0.35891648'] },
      { number: ['0.3174', '0.2804'], shows: ['the engine computes 0.280378', 'reaches 0.3174'] },
      { number: ['0.3589165', '0.3958916'], shows: ['the engine computes 0.395891', '0.395891648'] },
      { choice: [0, 1] },
      { number: ['0.39589', '0.39'], shows: ['the engine computes 0.39000000'] },
      { number: ['0.39', '0.36838'], shows: ['the engine computes 0.368377'] },
      { number: ['0.35', '0.39'], shows: ['the engine computes 0.39000000'] },
    ],
    1,
  )
  // The optimizer shows the formula it computes, in the lesson's form.
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('inspector-locked')).toBeVisible()
  await expect(page.getByTestId('optimizer-formula')).toContainText('m ← β1·m + (1 − β1)·g')
})
