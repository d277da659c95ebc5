import type { RunningPoint } from './sweepRunner'

/**
 * The runs in flight as the sweep's status says them, in grid order: "training run 1 (epoch 2 / 5),
 * run 2 (epoch 0 / 5) · queued: run 3" (a queued run waits in the engine for a runner; it has
 * not started, so it has no epoch to show).
 */
export function sweepRunningText(running: Record<number, RunningPoint>): string {
  const entries = Object.entries(running).sort(([a], [b]) => Number(a) - Number(b))
  const training = entries.filter(([, r]) => r.started).map(([index, r]) => `run ${Number(index) + 1} (epoch ${r.epoch} / ${r.maxEpochs})`)
  const queued = entries.filter(([, r]) => !r.started).map(([index]) => `run ${Number(index) + 1}`)
  return [training.length ? `training ${training.join(', ')}` : '', queued.length ? `queued: ${queued.join(', ')}` : ''].filter(Boolean).join(' · ')
}
