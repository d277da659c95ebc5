import { defineConfig } from '@playwright/test'
import { browserInstallHint, findBrowser } from './scripts/testEnv/browser'
import { machineBrowserProbe } from './scripts/testEnv/machine'

// AXON_CHROMIUM, else the system's Chromium/Chrome, else Playwright's own (scripts/testEnv/browser.ts).
// `npm test` installs one first where the machine can (scripts/setup-test-env.ts).
const search = findBrowser(machineBrowserProbe)
if (!search.found) throw new Error(search.problem ?? `${browserInstallHint(process.platform)} (\`npm run test:setup\` installs one where it can.)`)
const chromium = search.found.path
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// The browser build is served on this port (change it to run two checkouts side by side).
const port = Number(process.env.AXON_E2E_PORT ?? 4173)

// The browser build in Chromium. Playwright launches every run with a fresh, temporary profile.
const webBuild = {
  baseURL: `http://127.0.0.1:${port}`,
  headless: true,
  viewport: { width: 1400, height: 900 },
  launchOptions: { executablePath: chromium, args: chromiumArgs },
}

// AXON_SCREENSHOTS=1 also writes docs/screenshots/*.png: the specs that can, and the `docs` project,
// which only does that and so is not part of a normal test run (it would count as skipped).
const screenshots = process.env.AXON_SCREENSHOTS === '1'

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // CI retries a failed test once and reports it as flaky; a real bug fails twice. The drag specs
  // (designer, connections, graph, pressplay) opt out with retries: 0: their drags wait for a still
  // canvas and check that each wire started (e2e/helpers/designer.ts), and ran clean under load.
  retries: process.env.CI ? 1 : 0,
  // The second reporter records counts and skip reasons for the summary that ends `npm test`.
  reporter: [['list'], ['./scripts/testSummary/playwrightReporter.ts']],
  outputDir: 'test-results',
  projects: [
    { name: 'web', testMatch: /web\..*\.spec\.ts/, use: webBuild },
    ...(screenshots ? [{ name: 'docs', testMatch: /docs\..*\.spec\.ts/, use: webBuild }] : []),
    {
      // The desktop app; skips itself where no Electron binary is installed.
      name: 'electron',
      testMatch: /electron\..*\.spec\.ts/,
    },
  ],
  webServer: {
    command: `npx vite build -c vite.web.config.ts && npx vite preview -c vite.web.config.ts --strictPort --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
})
