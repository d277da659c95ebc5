/**
 * The lines that end `npm test`: what each runner counted, which browser ran the e2e, notes
 * (an old Node, installs that failed), and last every group of tests that did not run and why,
 * so a green run also says what it did not cover.
 */
import type { RunnerName, TestRunRecord } from '../testEnv/results'

const RUNNER_LABEL: Record<RunnerName, string> = { unit: 'unit (vitest)', e2e: 'e2e (Playwright)' }

/** `stoppedAt`: the npm script that failed, after which `npm test` ran no more steps. */
export function formatSummary(run: TestRunRecord, stoppedAt?: string): string[] {
  const lines = ['Test summary']
  if (stoppedAt) lines.push(`  FAILED: \`npm run ${stoppedAt}\`; the steps after it did not run`)
  for (const r of run.runners) lines.push(`  ${RUNNER_LABEL[r.runner]}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`)
  if (run.setup?.browser) lines.push(`  browser: ${run.setup.browser.path} (${run.setup.browser.source})`)
  for (const note of run.setup?.notes ?? []) lines.push(`  note: ${note}`)
  const skips = run.runners.flatMap((r) => r.skips.map((s) => ({ ...s, runner: r.runner })))
  if (skips.length === 0 && !stoppedAt) lines.push('skipped: nothing')
  for (const s of skips) {
    const tests = `${s.tests} test${s.tests === 1 ? '' : 's'}`
    const where = s.name === s.file ? tests : `${s.file}, ${tests}`
    lines.push(`skipped: ${s.runner} › ${s.name} (${where}) — ${s.reason}`)
  }
  return lines
}

/** Passed and failed over every runner, for the "N passed, N failed" line of .ci/run. */
export function totalCounts(run: TestRunRecord): { passed: number; failed: number; skipped: number } {
  return run.runners.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  })
}
