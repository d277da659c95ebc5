/**
 * The data layer's public API: CSV and IDX parsing, Dataset building, normalisation,
 * splits and built-in datasets. Pure TypeScript; input is file bytes (`Uint8Array`).
 * Every failure on bad input is a `DataError` (see `errors.ts` and docs/data.md).
 */
export {
  DataError,
  isDataError,
  dataErrorInfo,
  dataErrorFromInfo,
  checkSize,
  formatBytes,
  DEFAULT_MAX_BYTES,
  type DataErrorCode,
  type DataErrorInfo,
} from './errors'
export { concatBytes, isGzip, gunzip, gunzipBounded, type GunzipFn } from './gzip'
export { DEFAULT_MISSING } from './csvTypes'
export { parseCsvNumber } from './csvCells'
export { numericStats } from './csvColumns'
export {
  parseCsv,
  type CsvParseOptions,
  type CsvTable,
  type CsvColumn,
  type CsvNumericColumn,
  type CsvCategoricalColumn,
  type CsvColumnKind,
  type CsvDelimiter,
  type CsvNumericStats,
  type CsvCategoricalStats,
} from './csv'
export {
  csvToDataset,
  MAX_ONE_HOT,
  MAX_TARGET_CLASSES,
  type CsvSelection,
  type CsvDatasetReport,
  type MissingPolicy,
} from './csvDataset'
export type { CsvPreamble } from './csvPreamble'
export { fitFill, applyFill, fillValues, type FillPolicy, type FeatureBlock, type FillReport } from './missing'
export { prepareData, prepareWith, idLikeColumns, type LoadedData, type PrepareOptions, type PreparedParts } from './prepare'
export { readDataBytes, unpackBytes, looksLikeIdx, type SniffedData, type SniffOptions } from './sniff'
export { cutText, quoteUser, describeJsonValue, parseJsonText, MAX_JSON_DEPTH, QUOTE_MAX } from './userText'
export {
  parseIdx,
  encodeIdx,
  IDX_TYPES,
  type IdxArray,
  type IdxTypeId,
  type IdxData,
  type IdxParseOptions,
} from './idx'
export { idxToDataset, MAX_CLASSES, MAX_INPUT_SIZE, type IdxDatasetOptions } from './idxDataset'
export {
  datasetReadRow,
  datasetReadRows,
  datasetReadTarget,
  datasetInputs,
  datasetClassOf,
  datasetSubset,
  datasetWithClasses,
  classBalance,
} from './datasetRows'
export {
  fitNormalization,
  applyNormalization,
  normalizeRow,
  type NormalizationId,
  type NormalizationParams,
} from './normalize'
export { holdOutTest, splitDataset, splitRng, type SplitOptions, type DatasetSplit } from './split'
export {
  builtinDataset,
  BUILTIN_DATASETS,
  FASHION_SAMPLE_FILES,
  fashionSampleDatasets,
  type BuiltinDatasetId,
  type BuiltinOptions,
  type BuiltinInfo,
  type TargetEncoding,
} from './builtin'
export { FASHION_MNIST_LABELS, MNIST_LABELS } from './labels'
export { checkText } from './text'
