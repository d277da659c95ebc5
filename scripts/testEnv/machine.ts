/** The real machine behind `SetupDeps`: file system, user, commands, and the install memory file. */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { BrowserProbe } from './browser'
import { machineRequirementProbe } from './requirements'
import { TEST_CACHE_DIR } from './results'
import type { CommandRunner, InstallMemory, SetupDeps } from './setup'

const require = createRequire(import.meta.url)

/** A failed install is retried after this long (a machine may get a network later). */
const RETRY_AFTER_MS = 24 * 3600_000

export const machineBrowserProbe: BrowserProbe = {
  platform: process.platform,
  env: process.env,
  exists: existsSync,
  playwrightChromium: () => (require('playwright-core') as typeof import('playwright-core')).chromium.executablePath(),
}

/** Runs quietly into a log file (apt and Playwright print pages); on failure keeps the last line. */
function createRunner(logFile: string): CommandRunner {
  return (command, args) => {
    const result = spawnSync(command, args, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 30 * 60_000,
      shell: process.platform === 'win32',
    })
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
    mkdirSync(TEST_CACHE_DIR, { recursive: true })
    writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n${output}\n`, { flag: 'a' })
    return { ok: result.status === 0, detail: `${failureLine(output) || `exit ${result.status}`} (full output in ${logFile})` }
  }
}

/** The line that says why an install failed: apt's last "E:", else the last error, else the last line. */
export function failureLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean)
  const apt = lines.filter((line) => line.startsWith('E:'))
  const errors = lines.filter((line) => /^(Error|npm error)\b/i.test(line))
  return apt.at(-1) ?? errors.at(-1) ?? lines.at(-1) ?? ''
}

function createMemory(file: string, now: () => number): InstallMemory {
  const read = (): Record<string, { at: number; detail: string }> => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {})
  return {
    recentFailure(what) {
      const failure = read()[what]
      return failure && now() - failure.at < RETRY_AFTER_MS ? `at ${new Date(failure.at).toISOString().slice(0, 16)}Z` : undefined
    },
    recordFailure(what, detail) {
      const memory = read()
      for (const item of what) memory[item] = { at: now(), detail }
      mkdirSync(TEST_CACHE_DIR, { recursive: true })
      writeFileSync(file, JSON.stringify(memory, null, 2))
    },
  }
}

export function machineSetupDeps(enginesNode: string | undefined): SetupDeps {
  return {
    machine: {
      platform: process.platform,
      isRoot: process.getuid?.() === 0,
      hasAptGet: existsSync('/usr/bin/apt-get'),
      nodeVersion: process.versions.node,
      enginesNode,
    },
    browserProbe: machineBrowserProbe,
    requirementProbe: machineRequirementProbe,
    run: createRunner(join(TEST_CACHE_DIR, 'install.log')),
    memory: createMemory(join(TEST_CACHE_DIR, 'install-memory.json'), Date.now),
    log: (line) => console.log(line),
  }
}
