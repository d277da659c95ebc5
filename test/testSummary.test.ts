/** The summary that ends `npm test`: counts, browser, notes, and last what was skipped and why. */
import { describe, expect, it } from 'vitest'
import { groupSkips, type TestRunRecord } from '../scripts/testEnv/results'
import { formatSummary, totalCounts } from '../scripts/testSummary/summary'

const electronReason = 'Electron binary not installed (binary downloads are blocked on this machine)'

describe('groupSkips', () => {
  it('gathers tests of one file, group and reason, keeping the order they were met', () => {
    const groups = groupSkips([
      { file: 'electron.app.spec.ts', group: 'desktop app', reason: electronReason },
      { file: 'test/dataFashionMnist.test.ts', group: 'Fashion-MNIST', reason: 'needs Fashion-MNIST files: apt-get install dataset-fashion-mnist' },
      { file: 'electron.app.spec.ts', group: 'desktop app', reason: electronReason },
      { file: 'test/x.test.ts', group: 'x', reason: undefined },
      { file: 'test/x.test.ts', group: 'x', reason: '  ' },
    ])
    expect(groups).toEqual([
      { name: 'desktop app', file: 'electron.app.spec.ts', tests: 2, reason: electronReason },
      { name: 'Fashion-MNIST', file: 'test/dataFashionMnist.test.ts', tests: 1, reason: 'needs Fashion-MNIST files: apt-get install dataset-fashion-mnist' },
      { name: 'x', file: 'test/x.test.ts', tests: 2, reason: 'no reason given' },
    ])
  })
})

describe('formatSummary', () => {
  const run: TestRunRecord = {
    setup: { ok: true, browser: { path: '/usr/bin/chromium', source: 'system Chromium' }, missing: [], notes: ['Node 20.20.2 is older than this project\'s Node'] },
    runners: [
      { runner: 'unit', passed: 700, failed: 0, skipped: 1, skips: [{ name: 'relaxed-SIMD gemm', file: 'test/kernels/wasmRelaxed.test.ts', tests: 1, reason: 'needs Node 22' }] },
      {
        runner: 'e2e',
        passed: 41,
        failed: 1,
        skipped: 5,
        skips: [
          { name: 'desktop app', file: 'electron.app.spec.ts', tests: 3, reason: electronReason },
          { name: 'web.shots.spec.ts', file: 'web.shots.spec.ts', tests: 2, reason: 'Set AXON_SCREENSHOTS=1' },
        ],
      },
    ],
  }

  it('ends with every skipped group and its reason', () => {
    expect(formatSummary(run)).toEqual([
      'Test summary',
      '  unit (vitest): 700 passed, 0 failed, 1 skipped',
      '  e2e (Playwright): 41 passed, 1 failed, 5 skipped',
      '  browser: /usr/bin/chromium (system Chromium)',
      "  note: Node 20.20.2 is older than this project's Node",
      'skipped: unit › relaxed-SIMD gemm (test/kernels/wasmRelaxed.test.ts, 1 test) — needs Node 22',
      `skipped: e2e › desktop app (electron.app.spec.ts, 3 tests) — ${electronReason}`,
      'skipped: e2e › web.shots.spec.ts (2 tests) — Set AXON_SCREENSHOTS=1',
    ])
    expect(totalCounts(run)).toEqual({ passed: 741, failed: 1, skipped: 6 })
  })

  it('on a red run says at which step npm test stopped', () => {
    expect(formatSummary(run, 'e2e').slice(0, 2)).toEqual(['Test summary', '  FAILED: `npm run e2e`; the steps after it did not run'])
    // A run that stopped before its tests does not claim it skipped nothing.
    expect(formatSummary({ setup: null, runners: [] }, 'lint')).toEqual(['Test summary', '  FAILED: `npm run lint`; the steps after it did not run'])
  })

  it('says so when nothing was skipped', () => {
    expect(formatSummary({ setup: null, runners: [{ runner: 'unit', passed: 3, failed: 0, skipped: 0, skips: [] }] }).at(-1)).toBe('skipped: nothing')
  })
})
