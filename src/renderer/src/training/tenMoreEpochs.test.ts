/**
 * "Ten more epochs" raced against the run's end: the teacher raises the limit of a run the page
 * still shows training, while the engine has just finished it at the old limit (its last snapshot
 * waits for the page's next frame). The run must train on to the new limit, as a raise while it
 * trains does, not stay paused where it stopped. A real engine on MessageChannel ports; the
 * page's frames are held by hand to open the race deterministically.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../engine/host/events'
import { fakeWindow, startEngine } from '../../../../test/desktopPage'

const fakeDocument = { visibilityState: 'visible', addEventListener: () => {}, removeEventListener: () => {} }

/** Animation frames: each fires on the next task unless held, then when released. */
let held = false
let heldFrames: Array<() => void> = []
function requestAnimationFrame(frame: () => void): void {
  if (held) heldFrames.push(frame)
  else setTimeout(frame, 0)
}
function releaseFrames(): void {
  held = false
  const frames = heldFrames
  heldFrames = []
  for (const frame of frames) setTimeout(frame, 0)
}

let client: typeof import('../engineClient')
let training: typeof import('./trainingStore')
let documents: typeof import('../store/documentStore')
let examples: typeof import('../graph/examples')

beforeAll(async () => {
  Object.assign(globalThis, { window: fakeWindow, document: fakeDocument, requestAnimationFrame })
  client = await import('../engineClient')
  training = await import('./trainingStore')
  documents = await import('../store/documentStore')
  examples = await import('../graph/examples')
  startEngine(false)
})

const run = () => training.useTraining.getState()
const optimizerId = () => documents.useDocument.getState().project.nodes.find((n) => n.kind === 'optimizer')!.id

/** Resolves when the engine sends a snapshot of state `state` (before the page takes it). */
function engineSends(state: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = client.onEngineEvent((event: EngineEvent) => {
      if (event.kind === 'trainSnapshot' && event.snapshot.state === state) {
        stop()
        resolve()
      }
    })
  })
}

describe('ten more epochs, raised as the run ends', () => {
  it('a run the page shows training, finished in the engine at its old limit, trains on to the raised one', async () => {
    // XOR (one update an epoch), 5 epochs at one update a frame: each frame lets it take one more.
    documents.useDocument.getState().load(examples.exampleProject('xor-2-2-1-sigmoid')!)
    documents.useDocument.getState().updateParams(optimizerId(), { epochs: 5 })
    await training.trainingControls.setSpeed(1)
    const finished = engineSends('finished')
    // Frames are held once the page shows epoch 4: the engine, answered, trains the last epoch and ends the run.
    const stop = training.useTraining.subscribe((s) => void (held ||= (s.snapshot?.epoch ?? 0) >= 4))
    await training.trainingControls.train()
    await finished
    stop()
    // The engine has ended the run at epoch 5; the page has not drawn that yet and shows it training.
    expect(run().snapshot?.state).toBe('running')

    documents.useDocument.getState().updateParams(optimizerId(), { epochs: 8 }, 'epochs')
    releaseFrames()
    // Found: the engine took the limit on the finished run and left it paused at epoch 5.
    await expect.poll(() => [run().snapshot?.state, run().snapshot?.epoch], { timeout: 20_000 }).toEqual(['finished', 8])
    expect(run().info?.maxEpochs).toBe(8)
    expect(run().stale).toBe(false)
  })
})
