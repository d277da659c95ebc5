import { _electron as electron, expect, test } from '@playwright/test'
import { findElectronBinary } from './electronBinary'

const exe = findElectronBinary()
const reason =
  'Electron binary not installed (binary downloads are blocked on this machine); the desktop e2e runs where `npx install-electron` can fetch it.'
if (!exe) console.warn(`[electron e2e] skipped: ${reason}`)

test.describe('desktop app', () => {
  test.skip(!exe, reason)

  test('opens the window and talks to the engine in its utility process', async () => {
    const app = await electron.launch({ executablePath: exe!, args: ['.', '--no-sandbox'] })
    try {
      const window = await app.firstWindow()
      await expect(window.getByTestId('engine-version')).toHaveText(/Engine \d+\.\d+\.\d+ · engine process/)
      await window.getByTestId('link-check').click()
      await expect(window.getByTestId('link-check-result')).toHaveText('200 events received · finished · 0 transferred')
    } finally {
      await app.close()
    }
  })
})
