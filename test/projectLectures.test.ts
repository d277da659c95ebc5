/**
 * The small lecture examples, compiled from their project files and run through the engine,
 * reproduce the lectures' numbers.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileGraph, parseProjectOrThrow, projectDataset } from '../src/engine/project'
import { createSession, traceSample, type Session } from '../src/engine'

function session(name: string): Session {
  const project = parseProjectOrThrow(readFileSync(join(import.meta.dirname, `../resources/examples/${name}.axon.json`), 'utf8'))
  const { spec, diagnostics } = compileGraph(project)
  expect(diagnostics).toEqual([])
  return createSession(spec!, projectDataset(project)!)
}

/** Rounds to the lecture's printed digits. */
const printed = (x: number, digits: number): number => Number(x.toFixed(digits))

describe('lecture examples through the engine', () => {
  it('mazur-2-2-2: lecture 001 forward pass, E_total and one online update', () => {
    const s = session('mazur-2-2-2')
    const trace = traceSample(s, 0)
    const [hidden, output] = trace.layers
    expect(printed(hidden.out![0], 9)).toBe(0.593269992)
    expect(printed(hidden.out![1], 9)).toBe(0.596884378)
    expect(printed(output.out![0], 8)).toBe(0.75136507)
    expect(printed(trace.loss, 9)).toBe(0.298371109)
    const metrics = s.runEpoch()!
    expect(printed(metrics.loss, 9)).toBe(0.298371109)
    const [h, o] = s.getParams()
    expect(Array.from(h.weights, (w, i) => printed(w, [9, 8, 8, 8][i]))).toEqual([0.149780716, 0.19956143, 0.24975114, 0.29950229])
    expect(Array.from(o.weights, (w) => printed(w, 9))).toEqual([0.35891648, 0.408666186, 0.51130127, 0.561370121])
    // Biases stay fixed.
    expect(Array.from(h.biases!)).toEqual([0.35, 0.35])
    expect(Array.from(o.biases!)).toEqual([0.6, 0.6])
  })

  it('sjtu-exercise: lecture 000 forward pass 0.68, 0.6637, 0.69 and the updated output weights', () => {
    const s = session('sjtu-exercise')
    const [hidden, output] = traceSample(s, 0).layers
    expect(hidden.net!.map((x) => printed(x, 5))).toEqual([0.755, 0.68])
    expect(hidden.out!.map((x) => printed(x, 2))).toEqual([0.68, 0.66])
    expect(printed(hidden.out![1], 4)).toBe(0.6637)
    expect(printed(output.out![0], 2)).toBe(0.69)
    s.runEpoch()
    const [, o] = s.getParams()
    // The lecture rounds δ to −0.0406 first: w1+ = 0.272392, w2+ = 0.87305 (to 3 decimals here).
    expect(Array.from(o.weights, (w) => printed(w, 3))).toEqual([0.272, 0.873])
  })

  it('perceptron-and: epoch 1 as lecture 001’s table, then a separating line', () => {
    const s = session('perceptron-and')
    const rows: number[][] = []
    for (let i = 0; i < 4; i++) {
      s.step('example')
      const [p] = s.getParams()
      rows.push([...p.weights, p.biases![0]])
    }
    expect(rows).toEqual([
      [0, 0, -1],
      [0, 0, -1],
      [0, 0, -1],
      [1, 1, 0],
    ])
    expect(s.trainToEnd()).toBe('converged')
    expect(Array.from(s.predict([0, 0, 0, 1, 1, 0, 1, 1], 4))).toEqual([0, 0, 0, 1])
  })

  it('perceptron-or converges; perceptron-xor never does', () => {
    const or = session('perceptron-or')
    expect(or.trainToEnd()).toBe('converged')
    expect(Array.from(or.predict([0, 0, 0, 1, 1, 0, 1, 1], 4))).toEqual([0, 1, 1, 1])
    const xor = session('perceptron-xor')
    expect(xor.trainToEnd()).toBe('maxEpochs')
    expect(xor.history.every((m) => (m.mistakes ?? 0) > 0)).toBe(true)
  })

  it('xor-relu-handset: lecture 003’s weights give 0, 1, 1, 0', () => {
    const s = session('xor-relu-handset')
    expect(Array.from(s.predict([0, 0, 0, 1, 1, 0, 1, 1], 4))).toEqual([0, 1, 1, 0])
  })

  it('xor-2-2-1-sigmoid learns XOR', () => {
    const s = session('xor-2-2-1-sigmoid')
    s.trainToEnd()
    const out = Array.from(s.predict([0, 0, 0, 1, 1, 0, 1, 1], 4))
    expect(out.map((o) => Math.round(o))).toEqual([0, 1, 1, 0])
  })

  it('encoder-8-3-8 trains to 8/8 with 8 distinct hidden codes', () => {
    const s = session('encoder-8-3-8')
    s.trainToEnd()
    const eye = Array.from({ length: 64 }, (_, p) => (p % 9 === 0 ? 1 : 0))
    const out = s.predict(eye, 8)
    const argmax = (i: number): number => {
      const row = Array.from(out.subarray(i * 8, i * 8 + 8))
      return row.indexOf(Math.max(...row))
    }
    expect(Array.from({ length: 8 }, (_, i) => argmax(i))).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    const hidden = s.activations(eye, 8)[0].out
    const codes = new Set(Array.from({ length: 8 }, (_, i) => Array.from(hidden.subarray(i * 3, i * 3 + 3), (h) => (h > 0.5 ? 1 : 0)).join('')))
    expect(codes.size).toBe(8)
  })
})
