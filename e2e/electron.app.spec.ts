import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { findElectronBinary } from './electronBinary'

// These run only where the Electron binary exists; CI machines here cannot download it, so the
// same paths are covered there by src/main/*.test.ts against a faithful fake MessagePortMain.
const exe = findElectronBinary()
const reason =
  'Electron binary not installed (binary downloads are blocked on this machine); the desktop e2e runs where `npx install-electron` can fetch it.'
if (!exe) console.warn(`[electron e2e] skipped: ${reason}`)

test.describe('desktop app', () => {
  test.skip(!exe, reason)
  let app: ElectronApplication

  test.beforeEach(async () => {
    app = await electron.launch({ executablePath: exe!, args: ['.', '--no-sandbox'] })
  })
  test.afterEach(async () => {
    await app?.close()
  })

  test('opens the window and streams from the engine in its utility process', async () => {
    const window = await app.firstWindow()
    await expect(window.getByTestId('engine-version')).toHaveText(/Engine \d+\.\d+\.\d+ · engine process/)
    await expect(window.getByTestId('engine-kernel')).toHaveText(/WebAssembly/)
    await window.getByTestId('link-check').click()
    // MessagePortMain copies typed arrays, so none are transferred on desktop.
    await expect(window.getByTestId('link-check-result')).toHaveText('200 events received · finished · 0 transferred')
  })

  test('restarts a killed engine process and says so, keeping the graph', async () => {
    const window = await app.firstWindow()
    await expect(window.getByTestId('engine-version')).toBeVisible()
    const nodesBefore = await window.locator('.react-flow__node').count()
    const killed = await app.evaluate(({ app: electronApp }) => {
      const engine = electronApp.getAppMetrics().find((m) => m.type === 'Utility' && m.serviceName === 'Axon Engine')
      if (!engine) return false
      process.kill(engine.pid)
      return true
    })
    expect(killed).toBe(true)
    await expect(window.getByTestId('status-bar')).toContainText('restarted')
    await expect(window.locator('.react-flow__node')).toHaveCount(nodesBefore)
    await window.getByTestId('link-check').click()
    await expect(window.getByTestId('link-check-result')).toContainText('finished')
  })

  test('has the File, Edit, View and Network menus', async () => {
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label.replace('&', '')) ?? [])
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Network']))
  })

  test('denies new windows and navigation away from the app', async () => {
    const page = await app.firstWindow()
    await page.evaluate(() => window.open('https://example.com'))
    await page.evaluate(() => (window.location.href = 'https://example.com'))
    await expect.poll(() => app.windows().length).toBe(1)
    expect(page.url()).not.toContain('example.com')
  })
})
