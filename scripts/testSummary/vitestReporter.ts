/**
 * Vitest reporter (beside the default one): records this run's counts and every skipped group
 * with its reason (`ctx.skip(reason)`, as test/requires.ts does) for the summary that ends
 * `npm test`. Prints nothing itself.
 */
import type { Reporter, TestModule } from 'vitest/node'
import type { SerializedError } from 'vitest'
import { groupSkips, writeRunnerResult } from '../testEnv/results'

type TestCase = ReturnType<TestModule['children']['allTests']> extends Iterable<infer T> ? T : never

/** The outermost describe() a test sits in, else its file. */
function topGroup(test: TestCase): string {
  let node: { type: string; name: string; parent?: unknown } = test
  while (node.parent && (node.parent as { type: string }).type === 'suite') node = node.parent as typeof node
  return node === test ? test.module.relativeModuleId : node.name
}

export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0
    let failed = unhandledErrors.length
    const skipped: { file: string; group: string; reason: string | undefined }[] = []
    for (const module of modules) {
      const tests = [...module.children.allTests()]
      // A file that failed to load has no failed test of its own: count it once.
      if (module.state() === 'failed' && !tests.some((t) => t.result().state === 'failed')) failed++
      for (const test of tests) {
        const result = test.result()
        if (result.state === 'passed') passed++
        else if (result.state === 'failed') failed++
        else if (result.state === 'skipped') {
          const reason = result.note ?? (test.options.mode === 'todo' ? 'todo' : undefined)
          skipped.push({ file: module.relativeModuleId, group: topGroup(test), reason })
        }
      }
    }
    writeRunnerResult({ runner: 'unit', passed, failed, skipped: skipped.length, skips: groupSkips(skipped) })
  }
}
