/**
 * The project's data source as the engine's `TrainingData`: inline tables and built-in ids go
 * as they are; the shipped Fashion-MNIST sample (the lecture examples' IDX files) is fetched
 * as bytes here and parsed by the engine.
 */
import type { Project } from '../../../engine/project'
import type { TrainingData } from '../../../engine/host/training'
import { preparedTrainingData } from '../data/preparedData'
import { isSamplePath, urlBytes } from '../data/builtins'
import { isDesktopFiles, readProjectDataFile } from '../files/desktopFiles'

/** URLs of the files under resources/data, bundled by Vite, keyed by file name. */
const dataUrls = import.meta.glob('../../../../resources/data/**/*.gz', { eager: true, query: '?url', import: 'default' }) as Record<string, string>

/** The bundled file a project path names (the shipped sample's, by its folder too), if any. */
function urlOf(path: string): string | undefined {
  if (!isSamplePath(path)) return undefined
  const rel = path.replace(/^(\.\.?\/)+/, '')
  return Object.entries(dataUrls).find(([key]) => key.endsWith(`/${rel}`))?.[1]
}

async function bytesOf(path: string): Promise<Uint8Array> {
  const url = urlOf(path)
  // The desktop app reads the project's own files from disk, beside the project file.
  if (!url && isDesktopFiles()) return new Uint8Array(await (await readProjectDataFile(path)).arrayBuffer())
  if (!url) throw new Error(`“${path.split('/').pop()}” is not open: choose it again with Data… (under the palette's Data heading) to train on it.`)
  // Small files are inlined as data: URLs, which the CSP keeps fetch from reading.
  return urlBytes(path, url)
}

/** Build the engine's data source for a project. */
export async function projectTrainingData(project: Project): Promise<TrainingData> {
  const data = project.data
  // Files opened in the data panel are already parsed and prepared in the engine.
  const prepared = preparedTrainingData(data)
  if (prepared) return prepared
  if (data.kind === 'inline') return { kind: 'inline', inputs: data.inputs, targets: data.targets, featureNames: data.featureNames, targetNames: data.targetNames }
  if (data.kind === 'builtin') return { kind: 'builtin', id: data.id, options: data.options, ...(data.testFraction ? { testFraction: data.testFraction, seed: project.seed } : {}) }
  if (data.format !== 'idx' || !data.labelsPath) throw new Error(`Open “${data.path.split('/').pop()}” in the data panel (Data… under the palette's Data heading) to train on it.`)
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    bytesOf(data.path),
    bytesOf(data.labelsPath),
    data.testPath ? bytesOf(data.testPath) : Promise.resolve(undefined),
    data.testLabelsPath ? bytesOf(data.testLabelsPath) : Promise.resolve(undefined),
  ])
  return { kind: 'idx', trainImages, trainLabels, testImages, testLabels, labelNames: data.labelNames, limit: data.limit }
}
