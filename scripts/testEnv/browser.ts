/**
 * Where the browser e2e finds a Chromium: AXON_CHROMIUM, then the system's Chromium or Chrome
 * (Linux, macOS, Windows), then the Chromium that `npx playwright install chromium` put in
 * Playwright's cache. Pure: the caller passes in what exists, so tests can fake any machine.
 */
import { join } from 'node:path'

/** What the search may look at on this machine. */
export interface BrowserProbe {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  exists: (path: string) => boolean
  /** Where Playwright's own Chromium is, or would be once installed. */
  playwrightChromium: () => string
}

export interface FoundBrowser {
  path: string
  /** Where it came from, e.g. "AXON_CHROMIUM" or "system Chromium". */
  source: string
}

export type BrowserSearch = { found: FoundBrowser } | { found: null; problem: string | null }

interface Candidate {
  path: string
  source: string
}

/** The system's usual Chromium and Chrome locations, most likely first. */
export function systemBrowserCandidates(platform: NodeJS.Platform, env: BrowserProbe['env']): Candidate[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])]
    return apps.flatMap((dir) => [
      { path: `${dir}/Chromium.app/Contents/MacOS/Chromium`, source: 'system Chromium' },
      { path: `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`, source: 'system Chrome' },
      { path: `${dir}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`, source: 'system Edge (Chromium)' },
    ])
  }
  if (platform === 'win32') {
    // Chrome installs per machine (Program Files) or per user (LocalAppData); Edge is on every Windows.
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES ?? env.ProgramFiles, env['PROGRAMFILES(X86)'] ?? env['ProgramFiles(x86)']].filter(
      (root): root is string => !!root,
    )
    return [
      ...roots.map((root) => ({ path: `${root}\\Chromium\\Application\\chrome.exe`, source: 'system Chromium' })),
      ...roots.map((root) => ({ path: `${root}\\Google\\Chrome\\Application\\chrome.exe`, source: 'system Chrome' })),
      ...roots.map((root) => ({ path: `${root}\\Microsoft\\Edge\\Application\\msedge.exe`, source: 'system Edge (Chromium)' })),
    ]
  }
  return [
    { path: '/usr/bin/chromium', source: 'system Chromium' },
    { path: '/usr/bin/chromium-browser', source: 'system Chromium' },
    { path: '/snap/bin/chromium', source: 'system Chromium' },
    { path: '/usr/bin/google-chrome', source: 'system Chrome' },
    { path: '/usr/bin/google-chrome-stable', source: 'system Chrome' },
    { path: '/opt/google/chrome/chrome', source: 'system Chrome' },
  ]
}

/**
 * The browser the e2e will launch. `problem` is set when AXON_CHROMIUM names a file that does
 * not exist: a setting the user made by hand is never silently replaced by another browser.
 */
export function findBrowser(probe: BrowserProbe): BrowserSearch {
  const chosen = probe.env.AXON_CHROMIUM
  if (chosen) {
    if (probe.exists(chosen)) return { found: { path: chosen, source: 'AXON_CHROMIUM' } }
    return {
      found: null,
      problem: `AXON_CHROMIUM is set to ${chosen}, which does not exist: point it at a Chromium or Chrome executable, or unset it to search the usual places.`,
    }
  }
  const candidates = [
    ...systemBrowserCandidates(probe.platform, probe.env),
    { path: probe.playwrightChromium(), source: "Playwright's Chromium" },
  ]
  const hit = candidates.find((candidate) => probe.exists(candidate.path))
  return hit ? { found: hit } : { found: null, problem: null }
}

/** One line that says exactly what to install, for a machine where nothing could be installed. */
export function browserInstallHint(platform: NodeJS.Platform): string {
  const system =
    platform === 'linux'
      ? 'Debian/Ubuntu: `sudo apt-get install chromium`'
      : platform === 'darwin'
        ? 'macOS: install Google Chrome'
        : 'Windows: install Google Chrome (or use Edge)'
  return `No Chromium or Chrome for the browser tests: install one (${system}, or \`npx playwright install chromium\`), or set AXON_CHROMIUM to its executable.`
}
