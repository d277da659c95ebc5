/** What a run is, fixed for its lifetime: sizes, names, probe set, plane and pacing (`RunInfo`). */
import type { Session } from '../train'
import type { Dataset } from '../spec'
import type { RunPacing } from './runPacing'
import type { RunInfo, RunSpeed } from './trainingTypes'
import { planeInfo, probeInfo } from './trainingViews'

export interface RunInfoParts {
  runId: string
  params: number
  validationCount: number
  testCount: number
  pacing: RunPacing
  gridSize: number
  speed: RunSpeed
  /** The held-out test set, whose points the plane shows apart. */
  test?: Dataset
}

/** The `RunInfo` of a run training `s`. */
export function runInfoOf(s: Session, { runId, params, validationCount, testCount, pacing, gridSize, speed, test }: RunInfoParts): RunInfo {
  const ds = s.train
  return {
    runId,
    inputSize: ds.inputSize,
    outputSize: s.network.outputSize,
    inputShape: ds.inputShape ?? [ds.inputSize],
    layers: s.network.weighted.map((l) => ({ nodeId: l.nodeId, nIn: l.nIn, units: l.units, activation: l.activation?.id ?? 'linear', useBias: l.weights.b !== null })),
    paramCount: params,
    trainCount: s.epochSize,
    validationCount,
    testCount,
    epochSize: s.epochSize,
    batchSize: pacing.batchSize,
    maxEpochs: s.spec.training.maxEpochs,
    until: s.spec.training.until ?? null,
    classification: s.classification,
    classCount: s.classCount,
    labelNames: ds.labelNames ?? null,
    featureNames: ds.featureNames ?? null,
    targetNames: ds.targetNames ?? null,
    probe: probeInfo(s),
    plane: planeInfo(s, gridSize, test),
    sliceIterations: pacing.sliceIterations,
    speed,
  }
}
