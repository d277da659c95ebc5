/**
 * `axon train --threads N`: read before the command runs, because the helper threads start
 * asynchronously and the command itself is synchronous. A bad value is left for the command's
 * own argument check to report.
 */
import { MAX_THREADS } from './commands'

/** Threads to start for `argv` (the whole command line after `axon`): 1 unless it is `train`. */
export function threadsToStart(argv: readonly string[], cores: number): number {
  if (argv[0] !== 'train') return 1
  const at = argv.indexOf('--threads')
  if (at < 0) return cores
  const n = Number(argv[at + 1])
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_THREADS ? n : 1
}
