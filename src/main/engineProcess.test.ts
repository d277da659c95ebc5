import { describe, expect, it } from 'vitest'
import { engineForkOptions, engineHeapLimitMb } from './engineProcess'

const GB = 1024 ** 3

describe('engine process', () => {
  it.each([
    [2 * GB, 1024],
    [4 * GB, 2048],
    [8 * GB, 4096],
    [64 * GB, 8192],
  ])('with %d bytes of memory the heap limit is %d MB', (total, mb) => {
    expect(engineHeapLimitMb(total)).toBe(mb)
  })

  it('starts the engine with that limit, under a name the task manager shows', () => {
    expect(engineForkOptions(8 * GB)).toEqual({ serviceName: 'Axon Engine', execArgv: ['--max-old-space-size=4096'] })
  })
})
