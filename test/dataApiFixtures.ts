/** Helpers of the data API tests: the shipped Fashion-MNIST sample, an engine that records its snapshots. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EngineEvent } from '../src/engine/host/events'
import type { EngineHostIo } from '../src/engine/host/io'
import { createEngineApi, type EngineApi } from '../src/engine/host/api'
import type { TrainSnapshot } from '../src/engine/host/trainingTypes'
import type { DataResult } from '../src/engine/host/dataFiles'

const root = join(import.meta.dirname, '..')
/** A file of the shipped Fashion-MNIST sample. */
export const sample = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(root, 'resources/data/fashion-sample', file)))
export const text = (s: string): Uint8Array => new TextEncoder().encode(s)

/** An in-process engine whose training snapshots are collected in `snapshots`. */
export function engineWithSnapshots(): { engine: EngineApi; snapshots: TrainSnapshot[] } {
  const snapshots: TrainSnapshot[] = []
  const io: EngineHostIo = {
    emit(event: EngineEvent) {
      if (event.kind === 'trainSnapshot') snapshots.push(event.snapshot)
      return Promise.resolve()
    },
    yieldToHost: () => Promise.resolve(),
  }
  return { engine: createEngineApi(io), snapshots }
}

/** The value of an ok result (a failed one throws with its code and message). */
export function ok<T>(r: DataResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value
}

