/** Helpers for the Experiments window's specs (the playground and Assignment 6). */
import type { Page } from '@playwright/test'

/**
 * Assignment 6 Q1 by hand: x ← x − η·f′(x) from x = 0 for f(x) = ¼x⁴ − 3x³ + 7x − 5
 * (f′(x) = x³ − 9x² + 7); f after n steps.
 */
export function handDescent(eta: number, n: number): number {
  let x = 0
  for (let i = 0; i < n; i++) x -= eta * (x ** 3 - 9 * x ** 2 + 7)
  return x ** 4 / 4 - 3 * x ** 3 + 7 * x - 5
}

/** Opens the Experiments window on one of its tabs. */
export async function openExperiments(page: Page, tab: 'runs' | 'playground1d' | 'playground2d' | 'sweeps'): Promise<void> {
  await page.getByTestId('cmd-experiments').click()
  await page.getByTestId(`experiments-tab-${tab}`).click()
}
