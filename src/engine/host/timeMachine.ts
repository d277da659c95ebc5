/**
 * The training time machine: a run keeps copies of its network (parameters, layer state such
 * as batch norm's running statistics, and the last gradient) at the end of epochs, within a
 * budget, so any view can be replayed as it was at a recorded epoch.
 *
 * Budget: at most `maxFrames` copies (fewer for big networks, `framesFor`). It records every
 * `stride`-th epoch (epoch 0, the initial weights, always); when it would hold more, it keeps
 * every other one and doubles the stride, so the recorded epochs stay evenly spread however
 * long the run grows. The copies are exact: replaying epoch k shows the very numbers a run of
 * the same seed stopped at epoch k has.
 */
import type { FloatArray } from '../kernels/gemm'
import type { Network } from '../nn/network'
import { keepingNetwork } from '../experiments/networkLoss'

/** The network as it was at the end of one epoch. */
export interface RecordedEpoch {
  epoch: number
  /** Updates applied by then. */
  iteration: number
  params: FloatArray
  state: FloatArray
  grads: FloatArray
}

/** Most copies a run keeps, and the memory they may take together. */
export const TIME_MACHINE_LIMITS = { frames: 100, bytes: 64 * 1024 * 1024 } as const

/** How many copies of `network` fit the budget (at least 2: the start and one more). */
export function framesFor(network: Network, limits: { frames: number; bytes: number } = TIME_MACHINE_LIMITS): number {
  const bytes = network.params.byteLength + network.state.byteLength + network.grads.byteLength
  return Math.max(2, Math.min(limits.frames, Math.floor(limits.bytes / Math.max(1, bytes))))
}

export class TimeMachine {
  private frames: RecordedEpoch[] = []
  private stride = 1

  constructor(private readonly maxFrames: number) {
    if (!(maxFrames >= 2)) throw new RangeError(`A time machine keeps at least 2 epochs, got ${maxFrames}`)
  }

  /**
   * Records the network if it is at an epoch not yet recorded that falls on the stride. Call it
   * whenever training may have ended an epoch; `restored` (restore-best brought back an earlier
   * epoch's weights) skips it, as those weights are not this epoch's.
   */
  observe(network: Network, at: { epoch: number; iteration: number; restored: boolean }): void {
    const last = this.frames.at(-1)
    if (at.restored || (last && at.epoch <= last.epoch) || at.epoch % this.stride !== 0) return
    this.frames.push({ epoch: at.epoch, iteration: at.iteration, params: network.params.slice(), state: network.state.slice(), grads: network.grads.slice() })
    if (this.frames.length > this.maxFrames) {
      this.stride *= 2
      this.frames = this.frames.filter((f) => f.epoch % this.stride === 0)
    }
  }

  /** The recorded epochs, oldest first. */
  epochs(): number[] {
    return this.frames.map((f) => f.epoch)
  }

  /** The copy of epoch `epoch`; a RangeError names the recorded ones when it was not recorded. */
  frame(epoch: number): RecordedEpoch {
    const found = this.frames.find((f) => f.epoch === epoch)
    if (!found) throw new RangeError(`Epoch ${epoch} was not recorded (recorded: ${this.epochs().join(', ') || 'none'}).`)
    return found
  }

  /**
   * Runs `look` with the network holding epoch `epoch`'s numbers, then puts the present back
   * exactly (training goes on from where it was).
   */
  replay<T>(network: Network, epoch: number, look: () => T): T {
    const frame = this.frame(epoch)
    return keepingNetwork(network, () => {
      network.params.set(frame.params)
      network.state.set(frame.state)
      network.grads.set(frame.grads)
      return look()
    })
  }

  /** Forget everything (after a reset). */
  restart(): void {
    this.frames = []
    this.stride = 1
  }
}
