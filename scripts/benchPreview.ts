/**
 * The benchmarks' way into the app: the browser build served by `vite preview`, and a page
 * opened on it once the server answers. Shared by bench-ui.ts and bench-app-vs-cli.ts.
 */
import { spawn } from 'node:child_process'
import type { Page } from 'playwright-core'

/** Serves `dist-web` (built beforehand) on `port`; `stop()` ends the server and its children. */
export function startPreview(root: string, port: number): { stop: () => void } {
  // Its own process group (detached), so one signal ends npx, vite and anything they started.
  const server = spawn('npx', ['vite', 'preview', '-c', 'vite.web.config.ts', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true })
  return { stop: () => void (server.pid && process.kill(-server.pid)) }
}

/** Opens the app on `port` (retrying while the server starts, about 10 s) and waits for its engine. */
export async function openPreviewedApp(page: Page, port: number): Promise<void> {
  page.on('pageerror', (error) => console.error('Page error:', error.message))
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`)
      break
    } catch (error) {
      if (i > 50) throw error
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  await page.getByTestId('engine-version').waitFor()
}
