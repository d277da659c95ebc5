/**
 * The summary of the last `npm test` (scripts/testSummary/summary.ts), which npm test prints itself;
 * `--counts` prints only "N passed, N failed, N skipped", for .ci/run's last line.
 */
import { readTestRun } from './testEnv/results'
import { formatSummary, totalCounts } from './testSummary/summary'

const run = readTestRun()
if (process.argv.includes('--counts')) {
  const { passed, failed, skipped } = totalCounts(run)
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
} else {
  console.log(['', ...formatSummary(run)].join('\n'))
}
