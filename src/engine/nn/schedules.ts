/**
 * Learning-rate schedules: η as a function of the (0-based) epoch.
 *
 * - constant: η0
 * - step: η0·factor^⌊epoch/every⌋ (drop by `factor` every `every` epochs)
 * - piecewise: values[i] for boundaries[i−1] ≤ epoch < boundaries[i] (η0 is ignored)
 * - exponential: η0·gamma^epoch
 */
import type { ScheduleSpec } from '../spec'

/** η for this epoch. */
export function scheduleRate(schedule: ScheduleSpec, eta0: number, epoch: number): number {
  switch (schedule.id) {
    case 'constant':
      return eta0
    case 'step':
      return eta0 * Math.pow(schedule.factor, Math.floor(epoch / Math.max(1, schedule.every)))
    case 'piecewise': {
      let i = 0
      while (i < schedule.boundaries.length && epoch >= schedule.boundaries[i]) i++
      return schedule.values[Math.min(i, schedule.values.length - 1)] ?? eta0
    }
    case 'exponential':
      return eta0 * Math.pow(schedule.gamma, epoch)
  }
}
