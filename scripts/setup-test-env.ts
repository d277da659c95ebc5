/**
 * `npm test` runs this first (also `npm run test:setup`): finds or installs a browser for the e2e
 * and what the real-data and export tests need, where this machine can; see scripts/testEnv/.
 * Exits 1, after one line that says what to install, when the browser tests cannot run.
 */
import { readFileSync } from 'node:fs'
import { machineSetupDeps } from './testEnv/machine'
import { clearResults, writeSetupResult } from './testEnv/results'
import { runSetup } from './testEnv/setup'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines?: { node?: string } }
clearResults()
const result = runSetup(machineSetupDeps(pkg.engines?.node))
writeSetupResult(result)
if (!result.ok) process.exit(1)
