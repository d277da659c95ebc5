/**
 * Share links in the browser build, as a teacher hands one out: Share gives a link that opens the
 * same network (settings and built-in data with its test share) in a fresh browser; a damaged or
 * too-new link says so; opening a link over unsaved work asks first and keeps the work on No.
 * A small CSV travels in the link (format 2) and trains to the same numbers; one too big says
 * how big and offers the link without it; "Open link…" takes either build's link pasted.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { showTrainingPanel } from './helpers/training'

/** A page in a browser context of its own: no autosave, no kept data, like another student's machine. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  return context.newPage()
}

/** The graph as text: each node's kind and what it shows, sorted. */
async function nodesText(page: Page): Promise<string[]> {
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0)
  return (await page.locator('.react-flow__node .layer-node-main').allTextContents()).sort()
}

test('a share link opens the same network, settings and data in a fresh browser; damaged and too-new links say so', async ({ page, browser }) => {
  await page.goto('/')
  await openExample(page, 'residual-circles')
  await selectNode(page, 'optimizer')
  await setParam(page, 'learningRate', '0.037')
  await page.getByTestId('cmd-share').click()
  const url = await page.getByTestId('share-url').inputValue()
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=v1\.[A-Za-z0-9_-]+$/)
  if (process.env.AXON_SHOTS_DIR) await page.getByTestId('share-dialog').screenshot({ path: `${process.env.AXON_SHOTS_DIR}/share-dialog.png` })
  await page.getByTestId('share-close').click()
  const original = await nodesText(page)

  const other = await freshPage(browser)
  await other.goto(url)
  await expect(other.getByTestId('notice')).toContainText('Opened the shared network “A residual block on the circles”.')
  expect(await nodesText(other)).toEqual(original)
  await expect(other.getByTestId('data-summary')).toContainText('built-in “circles”')
  await selectNode(other, 'optimizer')
  await expect(other.getByTestId('param-learningRate')).toHaveValue('0.037')
  // The link is taken out of the address: a reload keeps the (autosaved) network, not the link.
  expect(new URL(other.url()).hash).toBe('')

  const damaged = await freshPage(browser)
  await damaged.goto(url.slice(0, url.length - 30))
  await expect(damaged.getByTestId('notice')).toContainText('This share link is damaged')
  await expect(damaged.locator('.react-flow__node')).toHaveCount(0)

  const newer = await freshPage(browser)
  await newer.goto(`${new URL(url).origin}/#share=v9.AAAA`)
  await expect(newer.getByTestId('notice')).toContainText('made by a newer Axon Studio (link format 9); this one reads format 2. Update Axon Studio to open it.')
})

test('a link opened over unsaved work asks first: No keeps the work, Yes opens the shared network', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  await page.getByTestId('cmd-share').click()
  const url = await page.getByTestId('share-url').inputValue()
  await page.getByTestId('share-close').click()

  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'optimizer')
  await setParam(page, 'learningRate', '0.55')
  const asked: string[] = []
  page.once('dialog', (d) => {
    asked.push(d.message())
    void d.dismiss()
  })
  await page.evaluate((hash) => (location.hash = hash), new URL(url).hash)
  await expect(page.getByTestId('notice')).toContainText('The shared network was not opened; your network is as it was. The link stays in the address bar to open later.')
  expect(asked).toEqual(['Open the shared network “Backpropagation step by step (2-2-2)” in place of this network? Its unsaved changes are discarded. Back in the browser brings them back while this tab stays open. Cancel keeps this network as it is.'])
  await expect(page.getByTestId('param-learningRate')).toHaveValue('0.55')
  // Declined, the link is still in the address bar: a reload asks again (the recovered work is unsaved).
  expect(new URL(page.url()).hash).toBe(new URL(url).hash)
  page.once('dialog', (d) => void d.dismiss())
  await page.reload()
  await expect(page.getByTestId('notice')).toContainText('The shared network was not opened')
  expect(new URL(page.url()).hash).toBe(new URL(url).hash)

  // "Open it now" opens it; then it leaves the address bar, so a reload keeps the work it became.
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('notice-action').click()
  await expect(page.getByTestId('notice')).toContainText('Opened the shared network “Backpropagation step by step (2-2-2)”.')
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-learningRate')).toHaveValue('0.5')
  await expect.poll(() => new URL(page.url()).hash).toBe('')
})

const fixture = (name: string): string => join(import.meta.dirname, 'fixtures/data', name)

/** Opens a CSV in the data panel, holds out a stratified 20 % test set and uses it, fitting the network to it. */
async function useCsv(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles(file)
  await expect(page.getByTestId('data-task')).toContainText('Classification: 3 classes')
  await page.getByTestId('data-test').fill('20')
  await page.getByTestId('data-stratify').check()
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await page.getByTestId('data-fit-network').click()
}

/** Trains to the end (5 epochs) and returns the final training loss shown and the test loss. */
async function trainToEnd(page: Page): Promise<{ loss: string; test: string }> {
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
  const result = page.getByTestId('test-result')
  await expect(result).toHaveAttribute('data-epoch', '5')
  return { loss: (await page.getByTestId('metric-loss').textContent()) ?? '', test: (await result.getAttribute('data-loss')) ?? '' }
}

test('a small CSV travels in the link: the fresh browser has the data and trains to the same numbers', async ({ page, browser }) => {
  test.setTimeout(300_000)
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await useCsv(page, fixture('iris-sklearn.csv'))
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '5')
  const here = await trainToEnd(page)
  expect(here.test).toMatch(/^\d+\.\d+/)
  expect(here.loss).toMatch(/\d\.\d/)

  await page.getByTestId('cmd-share').click()
  await expect(page.getByTestId('share-data')).toHaveText('The link carries the data: iris-sklearn.csv (2.7 kB).')
  await expect(page.getByTestId('share-where')).toContainText('opens Axon Studio in a browser at this address')
  const url = await page.getByTestId('share-url').inputValue()
  expect(url).toMatch(/#share=v2\.[A-Za-z0-9_-]+$/)
  if (process.env.AXON_SHOTS_DIR) await page.getByTestId('share-dialog').screenshot({ path: `${process.env.AXON_SHOTS_DIR}/share-dialog-data.png` })
  await page.getByTestId('share-close').click()

  const other = await freshPage(browser)
  await other.goto(url)
  await expect(other.getByTestId('notice')).toContainText('with its data (iris-sklearn.csv).')
  await expect(other.getByTestId('data-summary')).toContainText('inputs 4 · targets 3', { timeout: 30_000 })
  expect(await trainToEnd(other)).toEqual(here)
  // The data stays for the next visit, like a file the student picked.
  await other.reload()
  await expect(other.getByTestId('data-summary')).toContainText('inputs 4 · targets 3', { timeout: 30_000 })
  await expect(other.getByTestId('data-not-reopened')).toHaveCount(0)
})

test('data too big for a link says how big and what to do, and offers the link without it', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  // 4,000 rows of seven-digit measurements: about 130 kB that deflate cannot squeeze under 60 kB.
  let state = 7
  const cell = () => ((state = (state * 48271) % 2147483647) / 2147483647).toFixed(7)
  const rows = Array.from({ length: 4000 }, (_, i) => `${cell()},${cell()},${cell()},${cell()},${['setosa', 'versicolor', 'virginica'][i % 3]}`)
  await useCsv(page, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`a,b,c,d,species\n${rows.join('\n')}\n`) })
  await page.getByTestId('cmd-share').click()
  await expect(page.getByTestId('share-problem')).toHaveText(/^The data \(big\.csv, \d+ kB\) makes this link \d+ kB; a link holds at most 60 kB\. Share the project file and the data file instead\.$/)
  await expect(page.getByTestId('share-url-without-data')).toHaveValue(/#share=v1\./)
  if (process.env.AXON_SHOTS_DIR) await page.getByTestId('share-dialog').screenshot({ path: `${process.env.AXON_SHOTS_DIR}/share-dialog-too-big.png` })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('share-dialog')).toHaveCount(0)

  // Ten times bigger (2 MB): no deflating could fit it, so it is not even read; the link goes without it.
  const huge = Array.from({ length: 10 }, () => rows.join('\n')).join('\n')
  // The network already fits the same columns, so the file is only opened and used.
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.from(`a,b,c,d,species\n${huge}\n`) })
  await expect(page.getByTestId('data-task')).toContainText('Classification: 3 classes')
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await page.getByTestId('cmd-share').click()
  await expect(page.getByTestId('share-data')).toContainText(/^“huge\.csv” \(\d\.\d MB\) is too big to go in a link\. The link carries the network without its data/)
  await expect(page.getByTestId('share-url')).toHaveValue(/#share=v1\./)
})

test('"Open link…" opens a pasted link of either build, and says when the text is no link', async ({ page, browser }) => {
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  await page.getByTestId('cmd-share').click()
  const url = await page.getByTestId('share-url').inputValue()
  const desktopForm = `axon-studio://open${new URL(url).hash}`

  const other = await freshPage(browser)
  await other.goto('/')
  await other.getByTestId('cmd-more').click()
  await other.getByTestId('cmd-open-link').click()
  await other.getByTestId('open-link-text').fill('https://example.org/no-link-here')
  await other.getByTestId('open-link-open').click()
  await expect(other.getByTestId('open-link-problem')).toHaveText('That is not a share link: paste the whole link, starting https://… or axon-studio://…, with its #share= part.')
  await other.getByTestId('open-link-text').fill(`${desktopForm.slice(0, 60)}\n${desktopForm.slice(60, desktopForm.length - 20)}`)
  await other.getByTestId('open-link-open').click()
  await expect(other.getByTestId('open-link-problem')).toContainText('This share link is damaged')
  // A mail app broke the link across lines: it opens all the same.
  await other.getByTestId('open-link-text').fill(`${desktopForm.slice(0, 60)}\n${desktopForm.slice(60)}`)
  await other.getByTestId('open-link-open').click()
  await expect(other.getByTestId('open-link-dialog')).toHaveCount(0)
  await expect(other.getByTestId('notice')).toContainText('Opened the shared network “Backpropagation step by step (2-2-2)”.')
})

/** Trains to the end and returns the final training loss shown. */
async function finalLoss(page: Page): Promise<string> {
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
  const loss = (await page.getByTestId('metric-loss').textContent()) ?? ''
  expect(loss).toMatch(/\d\.\d/)
  return loss
}

/** The seed the data panel shows for the project's built-in 2-D set. */
async function shownSeed(page: Page): Promise<string> {
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-tab-builtin').click()
  const seed = (await page.getByTestId('builtin-seed').textContent()) ?? ''
  return seed
}

test('regenerated built-in points travel with their seed: the link makes the same points and trains to the same numbers', async ({ page, browser }) => {
  test.setTimeout(240_000)
  await page.goto('/')
  await openExample(page, 'residual-circles')
  expect(await shownSeed(page)).toBe('1')
  await page.getByTestId('builtin-regenerate').click()
  await expect(page.getByTestId('builtin-seed')).not.toHaveText('1')
  const seed = (await page.getByTestId('builtin-seed').textContent())!
  if (process.env.AXON_SHOTS_DIR) await page.getByTestId('data-dialog').screenshot({ path: `${process.env.AXON_SHOTS_DIR}/builtin-regenerate.png` })
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '5')
  const loss = await finalLoss(page)

  await page.getByTestId('cmd-share').click()
  const url = await page.getByTestId('share-url').inputValue()
  const other = await freshPage(browser)
  await other.goto(url)
  await expect(other.getByTestId('notice')).toContainText('Opened the shared network')
  expect(await shownSeed(other)).toBe(seed)
  await other.getByTestId('data-close').click()
  expect(await finalLoss(other)).toBe(loss)
})

test('a link’s data file of the same name as the student’s own is kept beside it: the student’s project still opens with the student’s file', async ({ page, browser }) => {
  test.setTimeout(300_000)
  const iris = readFileSync(fixture('iris.csv'), 'utf8').trim().split('\n')
  // The student's flowers.csv: the sepal columns only (2 inputs). The teacher's: all four (4 inputs).
  const sepals = iris.map((line) => line.split(',').slice(0, 3).join(',')).join('\n') + '\n'
  // Save downloads the project (the save picker cannot be driven here).
  await page.addInitScript(() => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker)
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await useCsv(page, { name: 'flowers.csv', mimeType: 'text/csv', buffer: Buffer.from(sepals) })
  await expect(page.getByTestId('data-summary')).toContainText('inputs 2 · targets 3')
  const download = page.waitForEvent('download')
  await page.getByTestId('cmd-save').click()
  const studentProject = readFileSync(await (await download).path(), 'utf8')

  const teacher = await freshPage(browser)
  await teacher.goto('/')
  await openExample(teacher, 'xor-2-2-1-sigmoid')
  await useCsv(teacher, { name: 'flowers.csv', mimeType: 'text/csv', buffer: readFileSync(fixture('iris-sklearn.csv')) })
  await teacher.getByTestId('cmd-share').click()
  await expect(teacher.getByTestId('share-data')).toContainText('The link carries the data: flowers.csv')
  const url = await teacher.getByTestId('share-url').inputValue()
  await teacher.close()

  // The student opens the teacher's link: the shared network has the teacher's flowers.csv …
  page.on('dialog', (d) => void d.accept())
  await page.goto(url)
  await expect(page.getByTestId('notice')).toContainText('with its data (flowers.csv).')
  await expect(page.getByTestId('data-summary')).toContainText('inputs 4 · targets 3', { timeout: 30_000 })
  // … and the student's own project, opened again, still has the student's.
  await page.getByTestId('open-file-input').setInputFiles({ name: 'mine.axon.json', mimeType: 'application/json', buffer: Buffer.from(studentProject) })
  await expect(page.getByTestId('data-summary')).toContainText('inputs 2 · targets 3', { timeout: 30_000 })
  await expect(page.getByTestId('data-not-reopened')).toHaveCount(0)
  // After a reload too (the browser's kept copies, not this session's).
  await page.reload()
  await expect(page.getByTestId('data-summary')).toContainText('inputs 2 · targets 3', { timeout: 30_000 })
  await page.goto(url)
  await expect(page.getByTestId('data-summary')).toContainText('inputs 4 · targets 3', { timeout: 30_000 })
})
