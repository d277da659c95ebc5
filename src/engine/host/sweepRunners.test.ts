/**
 * The runner pool's shutdown: when the page a host served goes (a desktop reload), every runner
 * thread it started is terminated, the idle ones and the one still training a point.
 */
import { describe, expect, it } from 'vitest'
import type { EngineSpec } from '../spec'
import { SweepRunners, type SweepRunner } from './sweepRunners'
import type { SweepPointResult } from './sweepPoints'

function fakeRunner(): SweepRunner & { terminated: boolean; training: boolean; finish: () => void } {
  let finish = () => {}
  return {
    lost: false,
    terminated: false,
    training: false,
    finish: () => finish(),
    trainSweepPoint() {
      this.training = true
      return new Promise<SweepPointResult>((resolve) => (finish = () => resolve({ state: 'finished' } as SweepPointResult)))
    },
    cancel: () => undefined,
    terminate() {
      this.terminated = true
    },
  }
}

const noCancel = { isCancelled: () => false, clear: () => false }
const data = { kind: 'dataset' as const, train: { inputs: new Float64Array(2), targets: new Float64Array(1), count: 1, inputSize: 2, targetSize: 1 } }

describe('SweepRunners.close', () => {
  it('terminates the idle runners and the busy ones', async () => {
    const spawned: ReturnType<typeof fakeRunner>[] = []
    const pool = new SweepRunners(() => (spawned.push(fakeRunner()), spawned.at(-1)!), () => 2, noCancel)
    const first = pool.trainPoint('a', {} as EngineSpec, data as never)
    const second = pool.trainPoint('b', {} as EngineSpec, data as never)
    for (let i = 0; i < 1000 && !(spawned.length === 2 && spawned.every((r) => r.training)); i++) await Promise.resolve()
    expect(spawned).toHaveLength(2)
    spawned[0].finish()
    await first // runner 0 is idle again, runner 1 still trains
    pool.close()
    expect(spawned.map((r) => r.terminated)).toEqual([true, true])
    spawned[1].finish()
    await second
  })
})

describe('SweepRunners.slotsChanged', () => {
  it('starts a waiting point at once when the threads setting is raised mid-sweep', async () => {
    const spawned: ReturnType<typeof fakeRunner>[] = []
    let slots = 1
    const pool = new SweepRunners(() => (spawned.push(fakeRunner()), spawned.at(-1)!), () => slots, noCancel)
    const first = pool.trainPoint('a', {} as EngineSpec, data as never)
    const second = pool.trainPoint('b', {} as EngineSpec, data as never)
    const settle = async (done: () => boolean) => {
      for (let i = 0; i < 1000 && !done(); i++) await Promise.resolve()
    }
    await settle(() => spawned.length === 1 && spawned[0].training)
    await settle(() => false)
    expect(spawned).toHaveLength(1) // one thread: 'b' waits for a runner
    slots = 2
    pool.slotsChanged()
    await settle(() => spawned.length === 2 && spawned[1].training)
    expect(spawned.map((r) => r.training)).toEqual([true, true]) // 'b' trains beside 'a', not after it
    spawned.forEach((r) => r.finish())
    await Promise.all([first, second])
  })
})
