/**
 * A fake `EngineHostIo` for driving training runs directly (no worker) in tests: it records
 * every snapshot, can hold deliveries back to play a slow screen, and answers each delivery
 * as the page would (`setAnswer`: whether the next snapshot's views are due).
 */
import type { EngineEvent, SnapshotAnswer } from '../src/engine/host/events'
import type { EngineHostIo } from '../src/engine/host/io'
import type { TrainSnapshot } from '../src/engine/host/trainingTypes'

/** A fake host: records snapshots; `hold` keeps deliveries pending until `release()`. */
export function fakeHost() {
  const snapshots: TrainSnapshot[] = []
  const pending: Array<() => void> = []
  let hold = false
  let answer: SnapshotAnswer | undefined
  let yields = 0
  let onYield: ((n: number) => void) | null = null
  const io: EngineHostIo = {
    emit(event: EngineEvent) {
      if (event.kind === 'trainSnapshot') snapshots.push(event.snapshot)
      if (!hold) return Promise.resolve(answer)
      return new Promise<SnapshotAnswer | undefined>((resolve) => pending.push(() => resolve(answer)))
    },
    yieldToHost() {
      yields++
      onYield?.(yields)
      return Promise.resolve()
    },
  }
  return {
    io,
    snapshots,
    last: () => snapshots[snapshots.length - 1],
    setHold(value: boolean) {
      hold = value
    },
    /** What every delivery answers from now on (undefined: nothing, as the CLI). */
    setAnswer(value: SnapshotAnswer | undefined) {
      answer = value
    },
    release() {
      pending.splice(0).forEach((resolve) => resolve())
    },
    inFlight: () => pending.length,
    get yields() {
      return yields
    },
    onYield(listener: ((n: number) => void) | null) {
      onYield = listener
    },
  }
}

/** Let every queued promise continuation run (the run loop yields through microtasks here). */
export async function settle(rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve()
}
