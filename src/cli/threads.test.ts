import { describe, expect, it } from 'vitest'
import { runCli } from './commands'
import { threadsToStart } from './threads'

describe('axon train --threads', () => {
  it('starts helpers only for train: --threads N, else the cores', () => {
    expect(threadsToStart(['train', 'p.axon.json'], 4)).toBe(4)
    expect(threadsToStart(['train', 'p.axon.json', '--threads', '2'], 8)).toBe(2)
    expect(threadsToStart(['train', 'p.axon.json', '--threads', '1'], 8)).toBe(1)
    expect(threadsToStart(['eval', 'm.json', '--threads', '2'], 8)).toBe(1)
    // A bad value starts nothing; the command says what is wrong.
    expect(threadsToStart(['train', 'p.axon.json', '--threads', 'many'], 8)).toBe(1)
  })

  it('rejects a thread count that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', '65', '1.5', 'many']) {
      const err: string[] = []
      expect(runCli(['train', 'resources/examples/xor-2-2-1-sigmoid.axon.json', '--threads', bad], () => {}, (l) => err.push(l))).toBe(2)
      expect(err.join('\n')).toMatch(/--threads/)
    }
  })

  it('says in the start line how many threads the run uses (float64 lecture nets: one)', () => {
    const out: string[] = []
    expect(runCli(['train', 'resources/examples/xor-2-2-1-sigmoid.axon.json', '--threads', '2', '--epochs', '1', '--json'], (l) => out.push(l), () => {})).toBe(0)
    expect(JSON.parse(out[0])).toMatchObject({ event: 'start', precision: 'float64', threads: 1 })
  })
})
