/**
 * Where the test set-up and each runner's reporter leave what they saw, for the summary that
 * ends `npm test` (scripts/test-summary.ts) and the count line of .ci/run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SetupResult } from './setup'

/** Kept across runs (install memory); `results/` is emptied when a run starts. */
export const TEST_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/axon-test/', import.meta.url))
const RESULTS_DIR = join(TEST_CACHE_DIR, 'results')

export type RunnerName = 'unit' | 'e2e'

/** Tests of one file and top-level group that skipped for the same reason. */
export interface SkipGroup {
  name: string
  file: string
  tests: number
  reason: string
}

export interface RunnerResult {
  runner: RunnerName
  passed: number
  failed: number
  skipped: number
  skips: SkipGroup[]
}

export interface TestRunRecord {
  setup: SetupResult | null
  runners: RunnerResult[]
}

export function clearResults(): void {
  rmSync(RESULTS_DIR, { recursive: true, force: true })
}

export function writeSetupResult(result: SetupResult): void {
  writeJson('setup.json', result)
}

export function writeRunnerResult(result: RunnerResult): void {
  writeJson(`${result.runner}.json`, result)
}

/** What this run recorded so far (a runner that did not get to run is absent). */
export function readTestRun(): TestRunRecord {
  const runners = (['unit', 'e2e'] as const).map((name) => readJson<RunnerResult>(`${name}.json`)).filter((r): r is RunnerResult => r !== null)
  return { setup: readJson<SetupResult>('setup.json'), runners }
}

/** Group skipped tests by file, top-level group and reason, in the order they were met. */
export function groupSkips(skipped: { file: string; group: string; reason: string | undefined }[]): SkipGroup[] {
  const groups = new Map<string, SkipGroup>()
  for (const { file, group, reason } of skipped) {
    const why = reason?.trim() || 'no reason given'
    const key = JSON.stringify([file, group, why])
    const known = groups.get(key)
    if (known) known.tests++
    else groups.set(key, { name: group, file, tests: 1, reason: why })
  }
  return [...groups.values()]
}

function writeJson(name: string, value: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(join(RESULTS_DIR, name), JSON.stringify(value, null, 2))
}

function readJson<T>(name: string): T | null {
  const path = join(RESULTS_DIR, name)
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null
}
