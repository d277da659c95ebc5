/**
 * Early stopping's memory: the best monitored loss so far, a copy of the network's parameters
 * and layer state at that epoch (restore-best brings both back), and epochs since it improved.
 */
import type { Network } from '../nn/network'

export class BestEpoch {
  loss = Infinity
  epoch = 0
  /** Epochs without improvement since the best. */
  wait = 0
  private params: Float64Array | null = null
  private state: Float64Array | null = null

  /** Record epoch `epoch` with loss `loss`; true when patience has run out. */
  observe(nw: Network, loss: number, epoch: number, minDelta: number, patience: number): boolean {
    if (this.params === null || loss < this.loss - minDelta) {
      this.loss = loss
      this.epoch = epoch
      this.wait = 0
      this.params = Float64Array.from(nw.params)
      this.state = Float64Array.from(nw.state)
      return false
    }
    return ++this.wait >= patience
  }

  /** Put the best epoch's parameters and state back into the network. */
  restore(nw: Network): void {
    if (this.params) nw.params.set(this.params)
    if (this.state) nw.state.set(this.state)
  }
}
