/**
 * A session's share of the installed gradient pool: whether and with how many threads it splits
 * its chunks. It attaches at the session's first training chunk (sessions that only evaluate
 * never take the helpers), so the thread count of a run is fixed from its first update on. Once
 * attached, its evaluations (validation, test set) are split across the threads too.
 */
import type { EngineSpec } from '../spec'
import type { Network } from '../nn/network'
import { gradientPool } from './index'
import { singleThreadReason, worthSplitting } from './eligible'
import type { GradientTeam } from './team'

export class SessionThreads {
  private team: GradientTeam | null = null
  private asked = false
  /** Training chunks split across threads so far. */
  splitChunks = 0
  /** Evaluation chunks split across threads so far. */
  splitEvaluations = 0

  constructor(
    private readonly spec: EngineSpec,
    private readonly network: Network,
  ) {}

  /**
   * Threads the session trains with: 1, or the pool's thread count when the model can be split
   * (`singleThreadReason`) and its helpers are still attached (another session attaching takes
   * them; this one then goes on with one thread).
   */
  get threads(): number {
    if (!this.asked) {
      const pool = gradientPool()
      return pool && !singleThreadReason(this.spec.model, this.spec.optimizer.id) ? pool.threads : 1
    }
    return this.team?.usable ? this.team.threads : 1
  }

  /** Helper shares this session's thread computed itself because the helper had not started them (a busy machine). */
  get sharesTakenBack(): number {
    return this.team?.sharesTakenBack ?? 0
  }

  /** The team to split a chunk of `rows` rows with, or null to compute it on the session's thread. */
  teamFor(rows: number): GradientTeam | null {
    if (!this.asked) {
      this.asked = true
      const pool = gradientPool()
      if (pool && pool.threads > 1 && !singleThreadReason(this.spec.model, this.spec.optimizer.id)) this.team = pool.attach(this.network)
    }
    const team = this.team
    if (!team?.usable || !worthSplitting(rows, this.network.params.length, team.threads, 'train')) return null
    this.splitChunks++
    return team
  }

  /**
   * The team to evaluate a chunk of `rows` rows with, or null for the session's thread alone: only
   * once training has attached one (a session that only evaluates never takes the helpers).
   */
  teamForEvaluation(rows: number): GradientTeam | null {
    const team = this.team
    if (!team?.usable || !worthSplitting(rows, this.network.params.length, team.threads, 'evaluate')) return null
    this.splitEvaluations++
    return team
  }
}
