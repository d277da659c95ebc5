/** The paint worker's answer to one batch of jobs. */
import type { PaintResult } from './paintJobs'

export type PaintAnswer =
  /** Each job's image or problem, in the order of the jobs. */
  | { kind: 'painted'; results: PaintResult[] }
  /** The worker cannot paint (no OffscreenCanvas there, a message it could not read): the page paints the batch. */
  | { kind: 'unavailable'; reason: string }
