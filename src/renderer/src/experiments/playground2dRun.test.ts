import { describe, expect, it } from 'vitest'
import { defaultEtas, runPlayground2d, toggleOptimizer, type Playground2dInputs } from './playground2dRun'

const ravine = (patch: Partial<Playground2dInputs> = {}): Playground2dInputs => ({ formula: '0.02x^2 + 4y^2', start: ['-9', '1'], iterations: '50', chosen: ['sgd', 'adam'], etas: defaultEtas('ravine'), ...patch })

describe('the 2-D playground’s run', () => {
  it('descends with every chosen optimizer from the start, with its η', () => {
    const run = runPlayground2d(ravine())
    if ('problem' in run) throw new Error(run.problem)
    expect(run.iterations).toBe(50)
    expect(run.paths.map((p) => [p.optimizer.id, p.optimizer.learningRate])).toEqual([
      ['sgd', 0.15],
      ['adam', 0.1],
    ])
    expect(run.paths[0].rows[0].point).toEqual([-9, 1])
    // Plain SGD on 4y² with η = 0.15: y ← y − 0.15·8y = −0.2·y.
    expect(run.paths[0].rows[1].point[1]).toBeCloseTo(-0.2, 12)
  })

  it('names the first input that cannot be read', () => {
    expect(runPlayground2d(ravine({ formula: 'x +' }))).toEqual({ problem: 'The expression ends too early: a number, variable or “(” is missing. (at character 4)' })
    expect(runPlayground2d(ravine({ start: ['-9', 'b'] }))).toEqual({ problem: 'The start y must be a number.' })
    expect(runPlayground2d(ravine({ iterations: '0' }))).toEqual({ problem: 'Iterations: a whole number from 1 to 10,000.' })
    expect(runPlayground2d(ravine({ etas: { ...defaultEtas('ravine'), adam: '-1' } }))).toEqual({ problem: 'η of Adam must be a positive number.' })
  })

  it('keeps the playground’s order of optimizers when one is ticked again', () => {
    expect(toggleOptimizer(['sgd', 'adam'], 'momentum')).toEqual(['sgd', 'momentum', 'adam'])
    expect(toggleOptimizer(['sgd', 'momentum', 'adam'], 'momentum')).toEqual(['sgd', 'adam'])
  })
})
