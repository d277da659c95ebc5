/**
 * Vitest global set-up: builds the `axon` command's bundle once before the test files start, so
 * the CLI tests (several files, in parallel) run it instead of each first start building it again
 * at the same moment (bin/axon.mjs builds it when missing or stale).
 */
import { buildCliBundle, cliBundleIsFresh } from '../bin/cliBundle.mjs'

export default async function buildCliOnce(): Promise<void> {
  if (!cliBundleIsFresh()) await buildCliBundle()
}
