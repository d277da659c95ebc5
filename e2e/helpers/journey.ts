/**
 * The one page a journey spec's walks share, as a class keeps one browser open: a projector's
 * 1024 × 768 (or the `screen` given: a browser zoomed to 150 % on it is 683 × 512 CSS pixels at
 * scale 1.5), the app loaded, every dialog (confirm, beforeunload) accepted and its message
 * recorded (`options.downloads`: saves are downloads). Call at the top of a spec; its tests then
 * run in order on `journey.page`.
 */
import { expect, test, type Page } from '@playwright/test'

export interface Journey {
  page: Page
  /** Every dialog's message, in order. */
  dialogs: string[]
}

export interface JourneyScreen {
  viewport: { width: number; height: number }
  deviceScaleFactor?: number
}

export function journeyPage(screen: JourneyScreen = { viewport: { width: 1024, height: 768 } }, options: { downloads?: boolean } = {}): Journey {
  test.describe.configure({ mode: 'serial' })
  const journey = { dialogs: [] } as unknown as Journey
  test.beforeAll(async ({ browser }, info) => {
    journey.page = await browser.newPage({ baseURL: info.project.use.baseURL, ...screen })
    // `downloads`: files are saved as downloads, as where the browser has no save picker (Firefox):
    // the File System Access picker cannot be driven here.
    if (options.downloads) {
      await journey.page.addInitScript(() => {
        delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker
      })
    }
    journey.page.on('dialog', (d) => {
      journey.dialogs.push(d.message())
      void d.accept()
    })
    await journey.page.goto('/')
    await expect(journey.page.getByTestId('engine-version')).toBeVisible()
  })
  test.afterAll(async () => {
    await journey.page.close()
  })
  return journey
}

/**
 * Drops files from disk on the canvas as the OS does (a trusted drag through the DevTools
 * protocol: a page-made drop event would carry no files from disk).
 */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!
  const at = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 }
  const cdp = await page.context().newCDPSession(page)
  const data = { items: [], files: paths, dragOperationsMask: 1 }
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data })
  await cdp.detach()
}
