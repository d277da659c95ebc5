/** A run's counters, as the RPC calls return them and the snapshots carry them. */
import type { Session } from '../train'
import type { RunState } from './trainingTypes'

/** Counters the RPC calls return. */
export interface RunProgress {
  state: RunState
  epoch: number
  iteration: number
  examples: number
  position: number
  learningRate: number
}

/** Position within the epoch under way (the session's cursor stays at the end until the next epoch begins). */
export function runPosition(s: Session): number {
  return s.position >= s.epochSize ? 0 : s.position
}

/** Examples processed since the start (every epoch has `epochSize` of them), and `stepExamples` of step-through updates. */
export function runExamples(s: Session, stepExamples: number): number {
  return s.epoch * s.epochSize + runPosition(s) + stepExamples
}
