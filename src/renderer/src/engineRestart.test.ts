/**
 * The engine process dies mid-run (desktop): main hands the page new ports marked `restarted`.
 * Against two real engines on MessageChannel ports (Node's, in the test), the page must reject the calls the dead
 * engine never answered, say in the training panel that the run was lost, and open and prepare
 * its loaded data again in the new engine without the user doing anything. When main gives up
 * on an engine that keeps dying, the page must say so where the run was, and nothing may wait on it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunInfo } from '../../engine/host/training'
import { fakeWindow, reportEngineFailure, startEngine } from '../../../test/desktopPage'

let client: typeof import('./engineClient')
let data: typeof import('./data/dataStore')
let training: typeof import('./training/trainingStore')
let documents: typeof import('./store/documentStore')
let examples: typeof import('./graph/examples')

beforeAll(async () => {
  Object.assign(globalThis, { window: fakeWindow, requestAnimationFrame: (f: () => void) => setTimeout(f, 0) })
  client = await import('./engineClient')
  data = await import('./data/dataStore')
  training = await import('./training/trainingStore')
  documents = await import('./store/documentStore')
  examples = await import('./graph/examples')
})

const csv = ['x1,x2,label', ...Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2}`)].join('\n')

describe('engine restart, seen from the page', () => {
  it('rejects what the dead engine never answered, says the run was lost, re-sends the data', async () => {
    // The network on the canvas has unsaved edits, its file named.
    const project = examples.exampleProject('xor-2-2-1-sigmoid')!
    documents.useDocument.getState().load(project, { fileName: 'xor.axon.json', dirty: true })
    const first = startEngine(false)
    const { engine } = await client.getEngineConnection()
    await data.openDataFiles([new File([csv], 'tiny.csv')])
    expect(data.useData.getState().problem).toBeNull()
    data.setChoice({ targets: ['label'] })
    expect(await data.applyData()).toBe(true)
    const oldHandle = data.useData.getState().handle
    expect(data.useData.getState().prepared?.inputSize).toBe(2)

    // A run is on screen, and a call is in flight when the engine process dies.
    training.useTraining.setState({ runId: 'run-1', info: { paramCount: 9 } as RunInfo })
    const inFlight = engine.streamDemo('long', { count: 1_000_000, length: 1 })
    first.close()
    const second = startEngine(true)

    await expect(inFlight).rejects.toMatchObject({ name: 'EngineStoppedError' })
    expect(training.useTraining.getState().error).toBe(training.RUN_LOST_MESSAGE)
    expect(training.useTraining.getState().info).toBeNull()
    // The data panel opened tiny.csv again in the new engine and prepared it with the same choice.
    await expect.poll(() => data.useData.getState().prepared?.inputSize, { timeout: 20_000 }).toBe(2)
    expect(data.useData.getState().handle).not.toBeNull()
    expect(data.useData.getState().preview?.name).toBe('tiny.csv')
    expect(second.calls).toEqual(expect.arrayContaining(['openCsv', 'prepareDataset']))
    expect(data.useData.getState().handle).not.toBe(oldHandle)
    expect((await client.getEngineConnection()).restarted).toBe(true)
    // The project is the page's: the same network, still unsaved, still named.
    const kept = documents.useDocument.getState()
    expect({ nodes: kept.project.nodes, edges: kept.project.edges }).toEqual({ nodes: project.nodes, edges: project.edges })
    expect(documents.selectDirty(kept)).toBe(true)
    expect(kept.fileName).toBe('xor.axon.json')
  })
  it('main gives up on the engine (it kept crashing): the run on screen ends with main’s message, and what waited on the engine, or is asked of it after, rejects instead of hanging (fails on the old code: the run stayed on screen as running)', async () => {
    const { engine } = await client.getEngineConnection()
    const project = documents.useDocument.getState().project
    training.useTraining.setState({ runId: 'run-2', info: { paramCount: 9 } as RunInfo, error: null })
    const inFlight = engine.streamDemo('long', { count: 1_000_000, length: 1 })
    const message = 'The engine process stopped (exit code 9) 4 times within a minute; it was not restarted again. Your graph is safe: save it and restart Axon Studio.'
    reportEngineFailure(message)
    expect(training.useTraining.getState().error).toBe(message)
    expect(training.useTraining.getState().info).toBeNull()
    await expect(inFlight).rejects.toMatchObject({ name: 'EngineFailedError', message })
    await expect(engine.version()).rejects.toMatchObject({ name: 'EngineFailedError', message })
    // ▶ Train says why at once, instead of 'Starting…' for ever.
    training.useTraining.setState({ error: null })
    await training.trainingControls.train()
    expect(training.useTraining.getState()).toMatchObject({ error: message, starting: false })
    expect(documents.useDocument.getState().project).toBe(project)
  })
})
