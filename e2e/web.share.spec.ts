/**
 * Share links in the browser build, as a teacher hands one out: Share gives a link that opens the
 * same network (settings and built-in data with its test share) in a fresh browser; a damaged or
 * too-new link says so; opening a link over unsaved work asks first and keeps the work on No.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'

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
  await expect(newer.getByTestId('notice')).toContainText('made by a newer Axon Studio (link format 9); this one reads format 1. Update Axon Studio to open it.')
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
  await expect(page.getByTestId('notice')).toContainText('The shared network was not opened; your network is as it was. Open the link again to load it.')
  expect(asked).toEqual(['Discard the unsaved changes to this network?'])
  await expect(page.getByTestId('param-learningRate')).toHaveValue('0.55')

  page.once('dialog', (d) => void d.accept())
  await page.evaluate((hash) => (location.hash = hash), new URL(url).hash)
  await expect(page.getByTestId('notice')).toContainText('Opened the shared network “Backpropagation step by step (2-2-2)”.')
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-learningRate')).toHaveValue('0.5')
})
