/**
 * The test set-up on machines faked to order: which files exist, root or not, apt-get or not,
 * installs that work or fail. scripts/testEnv/ decides from these alone.
 */
import { describe, expect, it } from 'vitest'
import { browserInstallHint, findBrowser, type BrowserProbe } from '../scripts/testEnv/browser'
import { failureLine } from '../scripts/testEnv/machine'
import { missingReason, missingRequirements, REQUIREMENTS, type RequirementProbe } from '../scripts/testEnv/requirements'
import { nodeVersionNote, runSetup, type InstallMemory, type Machine, type SetupDeps } from '../scripts/testEnv/setup'

const PW_CHROMIUM = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'
const ALL_PYTHON = ['numpy', 'torch', 'onnx', 'sklearn']

/** A machine: its files, its Python modules, and what each install command would add. */
function fakeMachine(options: {
  files?: string[]
  python?: string[]
  machine?: Partial<Machine>
  env?: Record<string, string>
  aptWorks?: boolean
  playwrightWorks?: boolean
}) {
  const files = new Set(options.files ?? [])
  const python = new Set(options.python ?? [])
  const commands: string[] = []
  const lines: string[] = []
  const failures = new Map<string, string>()
  const machine: Machine = { platform: 'linux', isRoot: false, hasAptGet: true, nodeVersion: '22.23.3', enginesNode: '>=22.12', ...options.machine }
  const browserProbe: BrowserProbe = { platform: machine.platform, env: options.env ?? {}, exists: (p) => files.has(p), playwrightChromium: () => PW_CHROMIUM }
  const requirementProbe: RequirementProbe = { exists: (p) => files.has(p), pythonModules: (mods) => new Set(mods.filter((m) => python.has(m))) }
  const memory: InstallMemory = {
    recentFailure: (what) => (failures.has(what) ? 'at 2026-11-29T20:00Z' : undefined),
    recordFailure: (what, detail) => what.forEach((w) => failures.set(w, detail)),
  }
  const deps: SetupDeps = {
    machine,
    browserProbe,
    requirementProbe,
    memory,
    log: (line) => lines.push(line),
    run(command, args) {
      commands.push([command, ...args].join(' '))
      if (command === 'apt-get' && args[0] === 'update') return options.aptWorks ? { ok: true, detail: '' } : { ok: false, detail: 'E: could not reach the mirror' }
      if (command === 'apt-get') {
        for (const pkg of args.slice(args.indexOf('-q') + 1)) {
          if (pkg === 'chromium') files.add('/usr/bin/chromium')
          for (const need of Object.values(REQUIREMENTS)) {
            if (need.apt !== pkg) continue
            if ('file' in need) files.add(need.file)
            if ('pythonModule' in need) python.add(need.pythonModule)
          }
        }
        return { ok: true, detail: '' }
      }
      if (options.playwrightWorks) files.add(PW_CHROMIUM)
      return options.playwrightWorks ? { ok: true, detail: '' } : { ok: false, detail: 'Error: download failed: getaddrinfo ENOTFOUND' }
    },
  }
  return { deps, commands, lines, failures, browserProbe }
}

describe('findBrowser', () => {
  const probe = (platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): BrowserProbe => ({
    platform,
    env,
    exists: (p) => files.includes(p),
    playwrightChromium: () => PW_CHROMIUM,
  })

  it('takes AXON_CHROMIUM first, and refuses one that does not exist instead of quietly using another', () => {
    expect(findBrowser(probe('linux', ['/usr/bin/chromium', '/opt/my/chrome'], { AXON_CHROMIUM: '/opt/my/chrome' }))).toEqual({
      found: { path: '/opt/my/chrome', source: 'AXON_CHROMIUM' },
    })
    const wrong = findBrowser(probe('linux', ['/usr/bin/chromium'], { AXON_CHROMIUM: '/nope/chromium' }))
    expect(wrong).toEqual({ found: null, problem: expect.stringContaining('AXON_CHROMIUM is set to /nope/chromium, which does not exist') })
  })

  it.each([
    ['linux', ['/usr/bin/google-chrome', '/usr/bin/chromium', PW_CHROMIUM], {}, '/usr/bin/chromium', 'system Chromium'],
    ['linux', ['/snap/bin/chromium'], {}, '/snap/bin/chromium', 'system Chromium'],
    ['linux', ['/opt/google/chrome/chrome', PW_CHROMIUM], {}, '/opt/google/chrome/chrome', 'system Chrome'],
    ['linux', [PW_CHROMIUM], {}, PW_CHROMIUM, "Playwright's Chromium"],
    ['darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], {}, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'system Chrome'],
    ['darwin', ['/Users/u/Applications/Chromium.app/Contents/MacOS/Chromium'], { HOME: '/Users/u' }, '/Users/u/Applications/Chromium.app/Contents/MacOS/Chromium', 'system Chromium'],
    [
      'win32',
      ['C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
      { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
      'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'system Chrome',
    ],
    [
      'win32',
      ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
      { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'system Edge (Chromium)',
    ],
  ] as const)('on %s with %j finds the expected browser', (platform, files, env, path, source) => {
    expect(findBrowser(probe(platform, [...files], env))).toEqual({ found: { path, source } })
  })

  it('finds nothing on a bare machine', () => {
    expect(findBrowser(probe('linux', []))).toEqual({ found: null, problem: null })
  })
})

describe('optional requirements', () => {
  it('names what is missing and the one apt-get line that brings it', () => {
    const probe: RequirementProbe = { exists: () => false, pythonModules: (mods) => new Set(mods.filter((m) => m === 'numpy')) }
    const missing = missingRequirements(['fashion-mnist', 'numpy', 'torch', 'onnx'], probe)
    expect(missing).toEqual(['fashion-mnist', 'torch', 'onnx'])
    expect(missingReason(missing)).toBe('needs Fashion-MNIST files, PyTorch and ONNX (Python): apt-get install dataset-fashion-mnist python3-torch python3-onnx')
    expect(missingReason(['torch'])).toBe('needs PyTorch: apt-get install python3-torch')
    expect(missingReason([])).toBeNull()
  })
})

describe('runSetup', () => {
  it('on a fresh Debian machine as root installs the browser and every test need in one apt-get, saying so in one line', () => {
    const m = fakeMachine({ machine: { isRoot: true }, aptWorks: true })
    const result = runSetup(m.deps)
    expect(m.commands).toEqual([
      'apt-get update -q',
      'apt-get -o DPkg::Lock::Timeout=600 install -y -q chromium dataset-fashion-mnist python3-numpy python3-torch python3-onnx python3-sklearn',
    ])
    expect(m.lines).toEqual([
      'Installing chromium dataset-fashion-mnist python3-numpy python3-torch python3-onnx python3-sklearn with apt-get (once, for the tests that need them) …',
      'Browser tests use /usr/bin/chromium (system Chromium).',
    ])
    expect(result).toEqual({ ok: true, browser: { path: '/usr/bin/chromium', source: 'system Chromium' }, missing: [], notes: [] })
    // Once: a second run finds everything and installs nothing.
    m.commands.length = 0
    expect(runSetup(m.deps).ok).toBe(true)
    expect(m.commands).toEqual([])
  })

  it('installs only what is missing', () => {
    const m = fakeMachine({ files: ['/usr/bin/chromium', REQUIREMENTS['fashion-mnist'].file], python: ['numpy', 'onnx', 'sklearn'], machine: { isRoot: true }, aptWorks: true })
    runSetup(m.deps)
    expect(m.commands.at(-1)).toBe('apt-get -o DPkg::Lock::Timeout=600 install -y -q python3-torch')
  })

  it('without root uses `npx playwright install chromium` and lists what its tests will skip', () => {
    const m = fakeMachine({ machine: { isRoot: false }, python: ['numpy'], playwrightWorks: true })
    const result = runSetup(m.deps)
    expect(m.commands).toEqual(['npx playwright install chromium'])
    expect(result.browser).toEqual({ path: PW_CHROMIUM, source: "Playwright's Chromium" })
    expect(result.missing.map((x) => x.label)).toEqual(['Fashion-MNIST files', 'PyTorch', 'ONNX (Python)', 'scikit-learn'])
    expect(m.lines).toContain('Tests that need PyTorch will skip: needs PyTorch: apt-get install python3-torch.')
  })

  it('where nothing can be installed stops with one line saying what to install, and does not retry every run', () => {
    const m = fakeMachine({ machine: { isRoot: false } })
    const result = runSetup(m.deps)
    expect(result.ok).toBe(false)
    expect(m.lines.at(-1)).toBe(browserInstallHint('linux'))
    expect(m.lines.at(-1)).toBe(
      'No Chromium or Chrome for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`, or `npx playwright install chromium`), or set AXON_CHROMIUM to its executable.',
    )
    expect(m.failures.get('playwright-chromium')).toContain('ENOTFOUND')
    m.commands.length = 0
    expect(runSetup(m.deps).ok).toBe(false)
    expect(m.commands).toEqual([])
  })

  it('as root where apt-get cannot reach its mirror, notes the failure, tries Playwright once, then says what to install', () => {
    const m = fakeMachine({ machine: { isRoot: true } })
    const result = runSetup(m.deps)
    expect(m.commands).toEqual(['apt-get update -q', 'npx playwright install chromium'])
    expect(result.ok).toBe(false)
    expect(result.notes).toEqual(['apt-get install chromium dataset-fashion-mnist python3-numpy python3-torch python3-onnx python3-sklearn failed: E: could not reach the mirror'])
    // Next run: no apt-get, no download; it says it is not retrying, and why the browser tests cannot run.
    m.commands.length = 0
    m.lines.length = 0
    runSetup(m.deps)
    expect(m.commands).toEqual([])
    expect(m.lines[0]).toMatch(/^Not retrying apt-get install chromium .* python3-sklearn: it failed at 2026-11-29T20:00Z \(delete .*install-memory.json to retry now\)\.$/)
  })

  it('with a browser but no apt-get skips the data and export tests with their reasons', () => {
    const m = fakeMachine({ files: ['/usr/bin/chromium'], python: ['numpy', 'sklearn'], machine: { isRoot: true, hasAptGet: false } })
    const result = runSetup(m.deps)
    expect(m.commands).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.missing).toEqual([
      { label: 'Fashion-MNIST files', reason: 'needs Fashion-MNIST files: apt-get install dataset-fashion-mnist' },
      { label: 'PyTorch', reason: 'needs PyTorch: apt-get install python3-torch' },
      { label: 'ONNX (Python)', reason: 'needs ONNX (Python): apt-get install python3-onnx' },
    ])
  })

  it('on macOS never calls apt-get, even as root', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    const m = fakeMachine({ files: [chrome], python: ALL_PYTHON, machine: { platform: 'darwin', isRoot: true } })
    expect(runSetup(m.deps).browser).toEqual({ path: chrome, source: 'system Chrome' })
    expect(m.commands).toEqual([])
  })

  it('stops at once on an AXON_CHROMIUM that does not exist, installing nothing', () => {
    const m = fakeMachine({ machine: { isRoot: true }, aptWorks: true, env: { AXON_CHROMIUM: '/nonexistent/chromium' } })
    const result = runSetup(m.deps)
    expect(result.ok).toBe(false)
    expect(m.commands).toEqual([])
    expect(m.lines).toEqual(['AXON_CHROMIUM is set to /nonexistent/chromium, which does not exist: point it at a Chromium or Chrome executable, or unset it to search the usual places.'])
  })

  it('notes a Node older than package.json engines', () => {
    const m = fakeMachine({ files: ['/usr/bin/chromium', REQUIREMENTS['fashion-mnist'].file], python: ALL_PYTHON, machine: { nodeVersion: '20.20.2' } })
    expect(runSetup(m.deps).notes).toEqual([expect.stringMatching(/^Node 20\.20\.2 is older than this project's Node \(>=22\.12, see \.nvmrc\)/)])
  })
})

describe('failureLine', () => {
  it("picks apt's error, else the last error, else the last line", () => {
    expect(failureLine('Reading package lists...\nE: Unable to locate package chromium\nE: Failed to fetch x\n')).toBe('E: Failed to fetch x')
    expect(failureLine('Failed to install browsers\nError: Download failure, code=1\n  at x\nError: getaddrinfo ENOTFOUND cdn.example\n}\n')).toBe('Error: getaddrinfo ENOTFOUND cdn.example')
    expect(failureLine('something odd\n\n')).toBe('something odd')
    expect(failureLine('')).toBe('')
  })
})

describe('nodeVersionNote', () => {
  it.each([
    ['22.12.0', '>=22.12', false],
    ['22.23.3', '>=22.12', false],
    ['24.1.0', '>=22.12', false],
    ['22.11.9', '>=22.12', true],
    ['20.20.2', '>=22.12', true],
    ['20.20.2', undefined, false],
    ['20.20.2', '^20 || ^22', false],
  ] as const)('Node %s against engines %s: note %s', (version, engines, noted) => {
    expect(nodeVersionNote(version, engines) !== null).toBe(noted)
  })
})
