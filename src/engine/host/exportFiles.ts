/**
 * The export part of `EngineApi`: a PyTorch training script of a project and the ONNX graph of
 * a trained model (`src/engine/export`, docs/export.md). The engine builds the text or bytes;
 * the UI saves them.
 *
 *   const script = await engine.exportPytorch(project, await projectTrainingData(project))
 *   const onnx = await engine.exportOnnx(await engine.exportModel(runId), { weightsGiven })
 */
import { ExportError, projectExportData, pytorchScript, toOnnx, type ExportData } from '../export'
import { parseModelOrThrow } from '../model'
import { compileGraph, type Project } from '../project'
import { handleCsvTable, handleFills } from './dataFiles'
import { resolveTrainingData } from './trainingData'
import type { TrainingData } from './trainingTypes'

export interface ExportApi {
  /**
   * The project's PyTorch training script (seeded initial weights, or the hand-set ones), reading
   * `data` as the run would: tables inside the script, files by the project's paths (relative to
   * the project file, so the script goes beside it).
   * @throws ExportError when the network cannot be trained or the data cannot be described.
   */
  exportPytorch(project: Project, data: TrainingData): Promise<string>
  /**
   * The ONNX bytes of a model JSON text (e.g. `exportModel(runId)`). A model with no update yet is
   * refused unless `weightsGiven` (every layer's weights hand-set, as in the lecture examples).
   * @throws ExportError for an untrained model or a layer with no ONNX form.
   */
  exportOnnx(modelText: string, options?: { weightsGiven?: boolean }): Promise<Uint8Array>
}

function exportDataOf(project: Project, data: TrainingData): { data: ExportData; inputSize: number; targetSize: number } {
  const { train } = resolveTrainingData(data)
  const csv = data.kind === 'handle' ? handleCsvTable(data.handle) : null
  const fills = data.kind === 'handle' ? handleFills(data.handle) : undefined
  const exportData = projectExportData(project, train, { path: (p) => p, ...(csv ? { csv } : {}), ...(fills ? { fills } : {}), train })
  return { data: exportData, inputSize: train.inputSize, targetSize: train.targetSize }
}

export function createExportApi(): ExportApi {
  return {
    exportPytorch: (project, data) =>
      hintInMessage(() => {
        const { data: exportData, inputSize, targetSize } = exportDataOf(project, data)
        const { spec, diagnostics } = compileGraph(project, { dataShape: { inputSize, targetSize } })
        if (!spec) {
          const first = diagnostics.find((d) => d.severity === 'error')
          throw new ExportError(`The network cannot be trained. ${first?.message ?? 'Fix the problems on the canvas.'}`, first?.hint)
        }
        return pytorchScript({ title: project.meta.title, spec, data: exportData, weights: 'project' })
      }),
    exportOnnx: (modelText, options = {}) =>
      hintInMessage(() => {
        const model = parseModelOrThrow(modelText)
        if (model.history.iterations === 0 && !options.weightsGiven) {
          throw new ExportError(`“${model.title}” is not trained yet: ONNX holds a trained network's weights.`, 'Train the network first (or hand-set every weight), then export.')
        }
        return toOnnx(model)
      }),
  }
}

/**
 * Runs `work`; an error it throws with a hint (what to do about it) has the hint appended to its
 * message. Comlink carries a thrown error's name and message only, and the page shows the
 * message: without this the user read what went wrong but not what to do.
 */
async function hintInMessage<T>(work: () => T): Promise<T> {
  try {
    return work()
  } catch (error) {
    const hint = (error as { hint?: unknown }).hint
    if (error instanceof Error && typeof hint === 'string' && hint && !error.message.endsWith(hint)) error.message = `${error.message} ${hint}`
    throw error
  }
}
