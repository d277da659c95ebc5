/**
 * Exports beyond the model JSON: a PyTorch training script and an ONNX inference graph.
 * Pure functions from engine data (specs, model files) to text or bytes; hosts write the files.
 */
export { ExportError } from './errors'
export type { ExportData, TableExportData, IdxExportData, CsvExportData, CsvExportColumn } from './exportData'
export { tableExportData, fileExportData, projectExportData, type FileExportContext } from './projectData'
export { pytorchScript, type PytorchExportInput } from './pytorch/script'
export { toOnnx } from './onnx/onnxModel'
export { weightsAreGiven } from './weights'
