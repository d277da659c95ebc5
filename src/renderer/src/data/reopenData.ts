/**
 * A project that uses local data files reopens with its data: the files come back from where
 * the platform keeps them (`dataFileStore.ts`: the desktop app reads the stored path from disk,
 * the browser build its own copy in IndexedDB), are opened and prepared in the engine with the
 * project's own settings, and the panel shows them as in use. When a file cannot come back,
 * `notReopened` says why (beside the Data… button) and the project is left as it is.
 */
import * as Comlink from 'comlink'
import type { FileData } from '../../../engine/project'
import { dataFilePaths } from '../../../engine/project/shareData'
import { useDocument } from '../store/documentStore'
import { initialCsvChoice } from './csvChoice'
import { reopenDataFile } from './dataFileStore'
import { DEFAULT_CHOICE, bytesOf, engine, get, keepInUse, set, type DataChoice } from './dataState'
import { replaceLoaded } from './openData'
import { prepareInEngine } from './applyData'
import { rememberPrepared } from './preparedData'

const inFlight = new Set<string>()

/** The files `data` names, reopened; or the first reason one cannot be. */
async function reopenAll(data: FileData): Promise<{ files: File[] } | { reason: string }> {
  const paths = dataFilePaths(data)
  const files: File[] = []
  for (const path of paths) {
    const r = await reopenDataFile(path)
    if ('reason' in r) return r
    files.push(r.file)
  }
  return { files }
}

/** Reopens the project's data files (see the module comment); does nothing while one is under way. */
export async function reopenProjectData(data: FileData): Promise<void> {
  const key = JSON.stringify(data)
  if (inFlight.has(key)) return
  inFlight.add(key)
  try {
    const got = await reopenAll(data)
    const stillOurs = () => useDocument.getState().project.data === data
    if ('reason' in got) {
      if (stillOurs()) set({ notReopened: got.reason })
      return
    }
    const e = await engine()
    const choice: DataChoice = { ...DEFAULT_CHOICE, header: data.header, preamble: data.preamble, normalization: data.scaling }
    let opened
    if (data.format === 'csv') {
      const bytes = await bytesOf(got.files[0])
      const read = { ...(data.header !== undefined ? { header: data.header } : {}), ...(data.preamble !== undefined ? { preamble: data.preamble } : {}) }
      opened = await e.openCsv(got.files[0].name, Comlink.transfer(bytes, [bytes.buffer]), read)
    } else {
      const list = await Promise.all(got.files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })))
      opened = await e.openIdx(list, data.labelNames ? { labelNames: data.labelNames } : {})
    }
    if (!opened.ok || !stillOurs()) {
      if (!opened.ok) set({ notReopened: `${opened.error.message} ${opened.error.hint}` })
      return
    }
    const preview = opened.value.preview
    const restored =
      preview.kind === 'csv'
        ? initialCsvChoice(preview, choice, data)
        : { ...choice, validation: data.validationFraction ?? 0, test: data.testFraction ?? 0, stratify: data.stratify ?? false }
    const r = await prepareInEngine(opened.value.handle, preview, restored, useDocument.getState().project.seed)
    if (!r.ok || !stillOurs()) {
      if (!r.ok) set({ notReopened: `${r.error.message} ${r.error.hint}` })
      return
    }
    const shape = { inputSize: r.value.inputSize, targetSize: r.value.targetSize }
    rememberPrepared(data, r.value.handle, shape)
    const origin = data.format === 'csv' ? { kind: 'csv' as const, file: got.files[0] } : { kind: 'idx' as const, files: got.files }
    if (!get().handle || get().applied !== data) await replaceLoaded({ origin, handle: opened.value.handle, preview })
    set({ choice: restored, prepared: r.value, applied: data, notReopened: null })
    keepInUse(data, { origin, handle: opened.value.handle, preview, choice: restored, prepared: r.value })
    useDocument.getState().setDataShape(shape)
  } finally {
    inFlight.delete(key)
  }
}
