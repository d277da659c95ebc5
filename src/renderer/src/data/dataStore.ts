/**
 * The data panel's state (never saved) and its actions: open files or a built-in dataset in
 * the engine, choose how to prepare it, and apply it to the project. Applying is the only
 * step that touches the project (one undoable edit of `data`); a failed open or prepare
 * leaves the project exactly as it was and shows the error in the panel.
 *
 *   await openDataFiles([file])            // CSV, or IDX images (+ labels, + test pair)
 *   setChoice({ targets: ['species'] })
 *   await applyData()                      // prepare in the engine, then project.data + shape
 */
export * from './dataState'
export {
  openDataFiles,
  openDataDialog,
  failOpen,
  rereadCsv,
  readFailedCsvAsCategorical,
  setCsvHeader,
  openBuiltinData,
  replaceLoaded,
} from './openData'
export { applyData, prepareInEngine, fitNetworkToData } from './applyData'
// Keeps the compiler's data shape in step with the project, and reopens data after an engine restart.
import './dataSync'
