/**
 * Data-parallel training: the pool the host installed (if any), which sessions attach to.
 * Hosts start helpers with `startGradientPool` and install the pool once, like the kernels;
 * sessions created afterwards split their mini-batches over `pool.threads` threads.
 */
import type { GradientPool } from './pool'

export { GradientPool, startGradientPool } from './pool'
export { splitRows } from './team'
export { serveGradientHelper } from './helper'
export type { HelperEndpoint, HelperMessage, HelperReply } from './protocol'

let installed: GradientPool | null = null
let starting: Promise<unknown> = Promise.resolve()

/** Install (or, with null, remove) the pool new sessions use. */
export function installGradientPool(pool: GradientPool | null): void {
  installed = pool
}

/** Record a pool start under way (a host's `startGradientPool(…).then(installGradientPool)`). */
export function noteGradientPoolStart(start: Promise<unknown>): void {
  starting = start
}

/** The installed pool once any start under way has settled. */
export async function settledGradientPool(): Promise<GradientPool | null> {
  await starting.catch(() => undefined)
  return installed
}

/** The installed pool, or null (every session then trains on its own thread). */
export function gradientPool(): GradientPool | null {
  return installed
}
