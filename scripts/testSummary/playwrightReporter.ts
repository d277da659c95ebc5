/**
 * Playwright reporter (beside `list`): records this run's counts and every skipped group with
 * the reason given to `test.skip(condition, reason)`, for the summary that ends `npm test`.
 * Prints nothing itself.
 */
import type { FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter'
import { basename } from 'node:path'
import { groupSkips, writeRunnerResult } from '../testEnv/results'

export default class SkipSummaryReporter implements Reporter {
  private root: Suite | null = null

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite
  }

  onEnd(result: FullResult): void {
    let passed = 0
    let failed = 0
    const skipped: { file: string; group: string; reason: string | undefined }[] = []
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome()
      if (outcome === 'expected' || outcome === 'flaky') passed++
      else if (outcome === 'unexpected') failed++
      else skipped.push({ file: basename(test.location.file), group: topGroup(test), reason: skipReason(test) })
    }
    // A run that failed outside any test (web server, global set-up) still counts as failed.
    if (result.status !== 'passed' && failed === 0) failed = 1
    writeRunnerResult({ runner: 'e2e', passed, failed, skipped: skipped.length, skips: groupSkips(skipped) })
  }

  printsToStdio(): boolean {
    return false
  }
}

/** titlePath is ['', project, file, ...describes, title]: the outermost describe, else the file. */
function topGroup(test: TestCase): string {
  const describes = test.titlePath().slice(3, -1)
  return describes[0] ?? basename(test.location.file)
}

function skipReason(test: TestCase): string | undefined {
  return test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description
}
