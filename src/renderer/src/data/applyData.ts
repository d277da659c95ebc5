/**
 * Applying the loaded data to the project: prepare it in the engine with the panel's choices,
 * then make it the project's `data` (one undoable edit) and tell the compiler its shape.
 */
import type { DataSource, FileData, Project } from '../../../engine/project'
import type { DataPreview, PreparedSummary } from '../../../engine/host/dataFiles'
import { useDocument } from '../store/documentStore'
import { rememberPrepared } from './preparedData'
import { csvDataSource, csvPrepareOptions, splitFields } from './csvChoice'
import { keepDataFiles, storedPathOf } from './dataFileStore'
import { engine, get, keepInUse, problemOf, set, type DataChoice, type DataOrigin } from './dataState'
import { builtinOptions } from './openData'
import { BUILTIN_CHOICES } from './builtins'
import { failedBecause } from '../sentence'

/** The project's `data` section for what is loaded and chosen. */
function dataSourceOf(origin: DataOrigin, preview: DataPreview, choice: DataChoice): DataSource {
  if (origin.kind === 'builtin' && origin.id !== 'fashionSample') {
    const testFraction = BUILTIN_CHOICES[origin.id].kind === 'points2d' && choice.test > 0 ? { testFraction: choice.test } : {}
    return { kind: 'builtin', id: origin.id, options: builtinOptions(origin.id), ...testFraction }
  }
  const scaling = choice.normalization
  if (preview.kind === 'csv') {
    return csvDataSource(
      preview,
      choice,
      origin.kind === 'csv' ? storedPathOf(origin.file) : preview.name,
    )
  }
  if (preview.kind !== 'idx') throw new Error('unexpected preview')
  const files =
    origin.kind === 'builtin'
      ? FASHION_PATHS
      : idxPaths(origin.kind === 'idx' ? origin.files : [], preview)
  return {
    kind: 'file',
    format: 'idx',
    ...files,
    ...(preview.labelNames
      ? { labelNames: preview.labelNames, classes: preview.labelNames.length }
      : {}),
    scaling,
    ...splitFields(choice),
  }
}
/** The shipped sample, with paths as the lecture examples write them (relative to resources/examples). */
export const FASHION_PATHS = {
  path: '../data/fashion-sample/train-images-idx3-ubyte.gz',
  labelsPath: '../data/fashion-sample/train-labels-idx1-ubyte.gz',
  testPath: '../data/fashion-sample/t10k-images-idx3-ubyte.gz',
  testLabelsPath: '../data/fashion-sample/t10k-labels-idx1-ubyte.gz',
}

function idxPaths(
  files: File[],
  preview: Extract<DataPreview, { kind: 'idx' }>,
): Pick<FileData, 'path' | 'labelsPath' | 'testPath' | 'testLabelsPath'> {
  const others = files
    .map((f) => f.name)
    .filter((n) => n !== preview.name && n !== preview.labelsName)
  const testImages = others.find((n) => /image/i.test(n)) ?? others[0]
  const testLabels = others.find((n) => n !== testImages)
  return {
    path: preview.name,
    ...(preview.labelsName ? { labelsPath: preview.labelsName } : {}),
    ...(testImages ? { testPath: testImages } : {}),
    ...(testLabels ? { testLabelsPath: testLabels } : {}),
  }
}

/**
 * Prepare the loaded data in the engine with the current choice; on success make it the
 * project's data (one undoable edit) and tell the compiler its shape. On failure the project
 * is unchanged and the problem shows in the panel.
 */
export async function applyData(): Promise<boolean> {
  const { handle, preview, origin, choice } = get()
  if (!handle || !preview || !origin) return false
  const project: Project = useDocument.getState().project
  set({ busy: 'Preparing the data…', problem: null })
  try {
    let shape: { inputSize: number; targetSize: number }
    let prepared: PreparedSummary | null = null
    if (preview.kind === 'builtin') {
      shape = { inputSize: preview.inputSize, targetSize: preview.targetSize }
    } else {
      const r = await prepareInEngine(handle, preview, choice, project.seed)
      if (!r.ok) {
        set({ problem: { info: r.error, file: preview.name, stage: 'prepare' } })
        return false
      }
      prepared = r.value
      shape = { inputSize: prepared.inputSize, targetSize: prepared.targetSize }
    }
    const data = dataSourceOf(origin, preview, choice)
    if (data.kind === 'file') rememberPrepared(data, prepared?.handle ?? handle, shape)
    useDocument.getState().setData(data)
    // A lesson step that locks the Input keeps its data (engine/lessons/locks.ts): say so here.
    if (useDocument.getState().project.data !== data) {
      set({ problem: problemOf('This lesson step locks the Input node, so its data cannot change.', 'Go on with the data the step gives; a step that leaves the Input free can take other data.', preview.name, 'prepare') })
      return false
    }
    set({ prepared, applied: data, notReopened: null })
    keepInUse(data)
    if (origin.kind !== 'builtin')
      void keepDataFiles(origin.kind === 'csv' ? [origin.file] : origin.files).then((notKept) =>
        set({ notKept }),
      )
    useDocument.getState().setDataShape(shape)
    return true
  } catch (e) {
    set({
      problem: problemOf(
        failedBecause('The data could not be prepared', (e as Error).message),
        'Check the choices above and try again.',
        preview.name,
        'prepare',
      ),
    })
    return false
  } finally {
    set({ busy: null })
  }
}

/** Prepare loaded data (a file's handle) in the engine with the panel's choices. */
export async function prepareInEngine(
  handle: string,
  preview: DataPreview,
  choice: DataChoice,
  seed: number,
) {
  return (await engine()).prepareDataset(handle, {
    ...(preview.kind === 'csv' ? csvPrepareOptions(preview, choice) : {}),
    normalization: choice.normalization,
    validation: choice.validation,
    test: choice.test,
    stratify: choice.stratify,
    seed,
  })
}

/**
 * Make the network fit the data: the input takes its size from the data (`auto`) and the
 * output layer gets one unit per target. One undo step.
 */
export function fitNetworkToData(): void {
  const doc = useDocument.getState()
  const shape = doc.dataShape
  if (!shape) return
  for (const d of doc.compiled.diagnostics) {
    if (d.code === 'input-size-mismatch' && d.nodeId)
      doc.updateParams(d.nodeId, { size: 'auto' }, 'fit-to-data')
    if (d.code === 'output-size-mismatch' && d.nodeId)
      useDocument.getState().updateParams(d.nodeId, { units: shape.targetSize }, 'fit-to-data')
  }
}
