/**
 * Keeps the compiler's data shape in step with the project's data (undo, open, examples), and
 * opens the loaded data again in a restarted engine.
 */
import { BUILTIN_DATASETS, builtinDataset, type BuiltinOptions } from '../../../engine/data'
import { isBuiltinDatasetId, type DataSource, type FileData } from '../../../engine/project'
import { dataFilePaths } from '../../../engine/project/shareData'
import { onEngineConnection } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { forgetPrepared, preparedFor, rememberPrepared } from './preparedData'
import { fashionSampleFiles, isSamplePath } from './builtins'
import { reopenProjectData } from './reopenData'
import { bytesOf, engine, get, set } from './dataState'
import { choiceOfBuiltin, openBuiltinData, openCsvFile, openIdxFiles } from './openData'
import { prepareInEngine } from './applyData'

/** Keep the compiler's data shape in step with the project's data (undo, open, examples). */
function syncShape(data: DataSource): void {
  const doc = useDocument.getState()
  const prepared = preparedFor(data)
  let shape = prepared?.shape
  if (!shape && data.kind === 'builtin' && isBuiltinDatasetId(data.id)) {
    // Built-ins are small and generated in no time: measure them here.
    try {
      const ds = builtinDataset(data.id, (data.options ?? {}) as BuiltinOptions)
      shape = { inputSize: ds.inputSize, targetSize: ds.targetSize }
    } catch {
      shape = undefined // bad options: the compiler and the panel say so
    }
  }
  if (
    shape?.inputSize !== doc.dataShape?.inputSize ||
    shape?.targetSize !== doc.dataShape?.targetSize
  )
    doc.setDataShape(shape)
  if (!shape && data.kind === 'file')
    void loadBundledSample(data).then((loaded) => (loaded ? undefined : reopenProjectData(data)))
}

/** True when `data` names the Fashion-MNIST sample the app ships (every build has its files). */
export function isBundledSample(data: FileData): boolean {
  const paths = dataFilePaths(data)
  return data.format === 'idx' && paths.every(isSamplePath)
}

/**
 * A project whose files are the shipped Fashion-MNIST sample (the lecture examples) is loaded
 * into the engine in the background, so its shape reaches the compiler and training reuses it.
 */
async function loadBundledSample(data: FileData): Promise<boolean> {
  if (!isBundledSample(data)) return false
  const paths = dataFilePaths(data)
  try {
    const files = (await fashionSampleFiles()).filter((f) => paths.some((p) => p.endsWith(f.name)))
    const list = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })),
    )
    const e = await engine()
    const opened = await e.openIdx(list, data.labelNames ? { labelNames: data.labelNames } : {})
    if (!opened.ok) return true
    const r = await e.prepareDataset(opened.value.handle, {
      normalization: data.scaling,
      ...(data.limit ? { limit: data.limit } : {}),
    })
    if (!r.ok) return true
    const shape = { inputSize: r.value.inputSize, targetSize: r.value.targetSize }
    rememberPrepared(data, r.value.handle, shape)
    if (useDocument.getState().project.data === data) useDocument.getState().setDataShape(shape)
    return true
  } catch {
    // Not loaded: training reads the files itself, and the panel can open them.
    return true
  }
}

/** The panel's sliders follow a project's built-in 2-D data (opened, shared, undone): its noise, points, seed, test share. */
function syncBuiltinChoice(data: DataSource): void {
  if (data.kind === 'builtin' && isBuiltinDatasetId(data.id) && BUILTIN_DATASETS[data.id].kind === 'points2d')
    set({ choice: { ...get().choice, ...choiceOfBuiltin(data) } })
}

useDocument.subscribe((s, prev) => {
  if (s.project.data === prev.project.data) return
  syncShape(s.project.data)
  syncBuiltinChoice(s.project.data)
})

/**
 * A restarted engine has none of the old handles: open what was loaded again in the new engine
 * and prepare the project's data again, so training goes on without the user re-opening files.
 */
async function resendAfterRestart(): Promise<void> {
  forgetPrepared()
  const { origin, applied, choice } = get()
  set({ handle: null, preview: null, prepared: null })
  if (origin?.kind === 'csv') await openCsvFile(origin.file, choice, true)
  else if (origin?.kind === 'idx') await openIdxFiles(origin.files)
  else if (origin?.kind === 'builtin') await openBuiltinData(origin.id)
  const data = useDocument.getState().project.data
  const { handle, preview } = get()
  if (data === applied && data.kind === 'file' && handle && preview && preview.kind !== 'builtin') {
    const r = await prepareInEngine(handle, preview, choice, useDocument.getState().project.seed)
    if (r.ok) {
      rememberPrepared(data, r.value.handle, {
        inputSize: r.value.inputSize,
        targetSize: r.value.targetSize,
      })
      set({ prepared: r.value })
      return
    }
  }
  syncShape(data)
}

onEngineConnection((connection) => {
  if (connection.restarted) void resendAfterRestart()
})
