/**
 * A benchmark run's start, saved for `bench/parity.py` (`bench/runTask.ts --save DIR`): the
 * initial weights and biases, the data order of every epoch and the engine's accuracies, so
 * PyTorch and NumPy can train the same network from the same start in the same order.
 *
 *   DIR/meta.json   task, seed, batch, η, layer shapes [units, nIn], training rows, the run's accuracies
 *   DIR/init.f64    W₁, b₁, W₂, b₂, … (row-major [units×nIn]) as little-endian float64
 *   DIR/order.i32   one row of training indices per epoch, little-endian int32
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Session } from '../src/engine/train'
import type { TaskInfo } from './tasks'

export interface RunRecord {
  /** After an epoch: append its data order. */
  epochDone(session: Session): void
  /** At the end: the run's label and accuracies into meta.json. */
  finish(label: string, acc: readonly number[]): void
}

/** Start a record in `dir` (created) with the session's initial parameters. */
export function startRunRecord(dir: string, session: Session, info: TaskInfo, seed: number): RunRecord {
  mkdirSync(dir, { recursive: true })
  const layers = session.getParams()
  const flat = layers.flatMap((l) => [l.weights, l.biases ?? new Float64Array(l.units)])
  const init = new Float64Array(flat.reduce((n, a) => n + a.length, 0))
  flat.reduce((at, a) => (init.set(a, at), at + a.length), 0)
  writeFileSync(join(dir, 'init.f64'), new Uint8Array(init.buffer))
  const orderFile = join(dir, 'order.i32')
  writeFileSync(orderFile, new Uint8Array(0))
  const meta = { task: info.id, seed, batch: info.batch, lr: info.lr, layers: layers.map((l) => [l.units, l.nIn]), train_count: session.epochSize }
  return {
    epochDone: (s) => appendFileSync(orderFile, new Uint8Array(Int32Array.from(s.epochOrder).buffer)),
    finish: (label, acc) => writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, engine: label, acc }, null, 1)),
  }
}
