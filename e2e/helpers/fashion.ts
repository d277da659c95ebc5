/**
 * The full Fashion-MNIST, as Debian's dataset-fashion-mnist installs it: its four IDX .gz files,
 * and the lecture's example with them given to the Data… dialog.
 */
import { existsSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'
import { openExample } from './designer'

const DIR = '/usr/share/datasets/fashion-mnist'
export const FASHION_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'].map((f) => `${DIR}/${f}`)

/** Why a spec of the full set skips, or null where it is installed. */
export const fashionMissing = FASHION_FILES.every((f) => existsSync(f)) ? null : `Fashion-MNIST is not installed in ${DIR} (apt-get install dataset-fashion-mnist)`

/** Opens the lecture's Fashion example and gives the four files to the Data… dialog, until their preview shows. */
export async function previewFullFashion(page: Page): Promise<void> {
  await openExample(page, 'fashion-784-100-10')
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles(FASHION_FILES)
  await expect(page.getByTestId('data-preview-heading')).toContainText('60,000 examples of 28×28', { timeout: 120_000 })
}
