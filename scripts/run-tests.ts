/**
 * `npm test`: the set-up (scripts/setup-test-env.ts), then typecheck, lint, unit and e2e, stopping
 * at the first that fails, then the summary, which a red run gets too (with the step it stopped at).
 * A Node script rather than a chain of `&&`, so it behaves the same in every shell.
 */
import { spawnSync } from 'node:child_process'
import { readTestRun } from './testEnv/results'
import { formatSummary } from './testSummary/summary'

const STEPS = ['typecheck', 'lint', 'unit', 'e2e']

function npmRun(script: string): number {
  const run = spawnSync('npm', ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' })
  return run.status ?? 1
}

// Without a browser the set-up has said, in one line, what to install: that stays the last line.
if (npmRun('test:setup') !== 0) process.exit(1)

let stoppedAt: string | undefined
for (const step of STEPS) {
  if (npmRun(step) !== 0) {
    stoppedAt = step
    break
  }
}
console.log(['', ...formatSummary(readTestRun(), stoppedAt)].join('\n'))
process.exit(stoppedAt ? 1 : 0)
