/**
 * The test set-up every `npm test` (and so CI) runs first: find a browser for the e2e, install
 * what is missing where this machine can (root with apt-get; `npx playwright install chromium`),
 * once, saying so in one line; otherwise say what to install. Everything it touches comes in
 * through `SetupDeps`, so tests can play any machine.
 */
import { browserInstallHint, findBrowser, type BrowserProbe, type FoundBrowser } from './browser'
import { missingReason, missingRequirements, REQUIREMENT_IDS, REQUIREMENTS, type RequirementProbe } from './requirements'

export interface Machine {
  platform: NodeJS.Platform
  isRoot: boolean
  hasAptGet: boolean
  /** process.versions.node */
  nodeVersion: string
  /** package.json's engines.node, e.g. ">=22.12" */
  enginesNode: string | undefined
}

/** Runs an install command; `detail` is its last output line when it failed. */
export type CommandRunner = (command: string, args: string[]) => { ok: boolean; detail: string }

/** Remembers failed installs, so a machine that cannot install is not made to retry on every run. */
export interface InstallMemory {
  /** When `what` last failed, if that was recent enough not to retry. */
  recentFailure: (what: string) => string | undefined
  recordFailure: (what: string[], detail: string) => void
}

export interface SetupDeps {
  machine: Machine
  browserProbe: BrowserProbe
  requirementProbe: RequirementProbe
  run: CommandRunner
  memory: InstallMemory
  log: (line: string) => void
}

export interface SetupResult {
  /** False when the browser tests cannot run: npm test stops here. */
  ok: boolean
  browser: FoundBrowser | null
  /** Optional test needs still missing, with the reason their tests skip. */
  missing: { label: string; reason: string }[]
  /** Things a green run should still say (an old Node, installs that failed). */
  notes: string[]
}

const PLAYWRIGHT_CHROMIUM = 'playwright-chromium'
const RETRY_HINT = 'delete node_modules/.cache/axon-test/install-memory.json to retry now'

export function runSetup(deps: SetupDeps): SetupResult {
  const { machine, log } = deps
  const notes: string[] = []
  const note = (line: string) => {
    notes.push(line)
    log(line)
  }
  const nodeNote = nodeVersionNote(machine.nodeVersion, machine.enginesNode)
  if (nodeNote) note(nodeNote)

  let search = findBrowser(deps.browserProbe)
  if (search.found === null && search.problem) {
    log(search.problem)
    return { ok: false, browser: null, missing: [], notes }
  }
  const canApt = machine.platform === 'linux' && machine.isRoot && machine.hasAptGet
  if (canApt) {
    const wanted = [
      ...(search.found ? [] : ['chromium']),
      ...missingRequirements(REQUIREMENT_IDS, deps.requirementProbe).map((id) => REQUIREMENTS[id].apt),
    ]
    const failedBefore = wanted.filter((pkg) => deps.memory.recentFailure(pkg))
    const toInstall = wanted.filter((pkg) => !failedBefore.includes(pkg))
    if (failedBefore.length) note(`Not retrying apt-get install ${failedBefore.join(' ')}: it failed ${deps.memory.recentFailure(failedBefore[0])} (${RETRY_HINT}).`)
    if (toInstall.length) {
      log(`Installing ${toInstall.join(' ')} with apt-get (once, for the tests that need them) …`)
      const result = aptInstall(deps.run, toInstall)
      if (!result.ok) {
        deps.memory.recordFailure(toInstall, result.detail)
        note(`apt-get install ${toInstall.join(' ')} failed: ${result.detail}`)
      }
      search = findBrowser(deps.browserProbe)
    }
  }
  if (!search.found && !deps.memory.recentFailure(PLAYWRIGHT_CHROMIUM)) {
    log("Installing Playwright's Chromium with `npx playwright install chromium` (once) …")
    const result = deps.run('npx', ['playwright', 'install', 'chromium'])
    if (!result.ok) deps.memory.recordFailure([PLAYWRIGHT_CHROMIUM], result.detail)
    search = findBrowser(deps.browserProbe)
  }
  if (!search.found) {
    log(browserInstallHint(machine.platform))
    return { ok: false, browser: null, missing: [], notes }
  }
  log(`Browser tests use ${search.found.path} (${search.found.source}).`)

  const missing = missingRequirements(REQUIREMENT_IDS, deps.requirementProbe).map((id) => ({
    label: REQUIREMENTS[id].label,
    reason: missingReason([id])!,
  }))
  for (const { label, reason } of missing) log(`Tests that need ${label} will skip: ${reason}.`)
  return { ok: true, browser: search.found, missing, notes }
}

/** apt-get update, then install; the dpkg lock may be held by another install, so wait for it. */
function aptInstall(run: CommandRunner, packages: string[]): { ok: boolean; detail: string } {
  const update = run('apt-get', ['update', '-q'])
  if (!update.ok) return update
  return run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '-q', ...packages])
}

/** A line when this Node is older than package.json's `engines` (only the ">=X.Y" form is read). */
export function nodeVersionNote(nodeVersion: string, enginesNode: string | undefined): string | null {
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?/.exec(enginesNode ?? '')
  if (!wanted) return null
  const [major, minor] = nodeVersion.replace(/^v/, '').split('.').map(Number)
  const [wantMajor, wantMinor] = [Number(wanted[1]), Number(wanted[2] ?? 0)]
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return null
  return `Node ${nodeVersion} is older than this project's Node (${enginesNode}, see .nvmrc): the tests run on it, but run the app and the CLI on Node 22 (\`nvm use\`, or \`npx -y node@22 …\`).`
}
