/**
 * The data panel's CSV choices, to and from the project file: what the engine is asked to
 * prepare, what `project.data` records (so the choices round-trip through save, reload and the
 * model JSON), and the choices a freshly opened file starts with.
 */
import type { FileData } from '../../../engine/project'
import type { CsvPreview, PrepareOptions } from '../../../engine/host/dataFiles'
import type { DataChoice } from './dataStore'

type CsvMissing = NonNullable<FileData['missing']>
const PROJECT_MISSING = new Set<string>(['error', 'drop', 'mean', 'median', 'mode'])

/** True when the (numeric) target column is read as classes. */
export function targetAsClasses(choice: DataChoice): boolean {
  return choice.targets.length === 1 && choice.categorical.includes(choice.targets[0])
}

/**
 * The lower value of a numeric column of two whole numbers, 0 and 1 or −1 and 1, which the engine
 * reads as two classes with one output (src/engine/train/batchRows.ts: datasetIsClassification),
 * its threshold halfway between (plan.ts: binaryThreshold); null for any other column.
 */
export function binaryTargetLow(column: CsvPreview['columns'][number] | undefined): 0 | -1 | null {
  if (column?.kind !== 'numeric') return null
  const s = column.stats
  if (!s.integer || s.distinct !== 2 || s.max !== 1) return null
  return s.min === 0 || s.min === -1 ? s.min : null
}

/** What a column is as the target, as the target list names it: “3 classes”, “0 or 1”, “number”. */
export function targetKindLabel(column: CsvPreview['columns'][number], choice: DataChoice): string {
  if (column.kind === 'categorical') return `${column.distinct} classes`
  if (choice.categorical.includes(column.name)) return `${column.stats.distinct} classes`
  const low = binaryTargetLow(column)
  return low === null ? 'number' : `${low === 0 ? '0' : '−1'} or 1`
}

/** The engine's prepare options for a CSV with the panel's choices. */
export function csvPrepareOptions(preview: CsvPreview, choice: DataChoice): PrepareOptions {
  const columns = preview.columns.map((c) => c.name)
  const numeric = new Set(preview.columns.filter((c) => c.kind === 'numeric').map((c) => c.name))
  const categorical = choice.categorical.filter((c) => numeric.has(c))
  const named = targetAsClasses(choice) && choice.classNames && choice.classNames.length > 0
  return {
    targets: choice.targets,
    features: columns.filter((c) => !choice.targets.includes(c) && !choice.excluded.includes(c)),
    ...(categorical.length > 0 ? { categorical } : {}),
    ...(named ? { classNames: choice.classNames! } : {}),
    missing: choice.missing,
  }
}

/** The split settings every file source records. */
export function splitFields(choice: DataChoice): Pick<FileData, 'validationFraction' | 'testFraction' | 'stratify'> {
  return {
    ...(choice.validation > 0 ? { validationFraction: choice.validation } : {}),
    ...(choice.test > 0 ? { testFraction: choice.test } : {}),
    ...(choice.stratify ? { stratify: true } : {}),
  }
}

/** The project's `data` section for a CSV file with the panel's choices. */
export function csvDataSource(preview: CsvPreview, choice: DataChoice, path: string): FileData {
  const asClasses = targetAsClasses(choice)
  const categorical = choice.categorical.filter((c) => !choice.targets.includes(c))
  return {
    kind: 'file',
    format: 'csv',
    path,
    targetColumns: choice.targets,
    header: preview.header,
    ...(choice.preamble !== undefined ? { preamble: choice.preamble } : {}),
    ...(asClasses && choice.classNames ? { labelNames: choice.classNames } : {}),
    ...(asClasses && !choice.classNames ? { classes: classCount(preview, choice.targets[0]) } : {}),
    ...(categorical.length > 0 ? { categorical } : {}),
    ...(choice.excluded.length > 0 ? { excluded: choice.excluded } : {}),
    ...(PROJECT_MISSING.has(choice.missing) && choice.missing !== 'error' ? { missing: choice.missing as CsvMissing } : {}),
    scaling: choice.normalization,
    ...splitFields(choice),
  }
}

/** Number of classes of a whole-number column: its largest value + 1 (at least 2). */
function classCount(preview: CsvPreview, name: string): number {
  const c = preview.columns.find((x) => x.name === name)
  return c?.kind === 'numeric' ? Math.max(2, c.stats.max + 1) : 2
}

/** Class names a preamble gives, when they fit the column (whole numbers 0 … names−1). */
export function preambleNamesFor(preview: CsvPreview, column: string): string[] | null {
  const names = preview.preamble?.classNames
  const c = preview.columns.find((x) => x.name === column)
  if (!names || c?.kind !== 'numeric' || !preview.classCandidates.includes(column)) return null
  return c.stats.max < names.length ? names : null
}

/**
 * The choices a CSV starts with: the project's own when it already uses this file (re-picking
 * the same file after a reload keeps every setting), else the last column as the target — as
 * named classes when the first line names them — with ID-like text columns left out.
 */
export function initialCsvChoice(preview: CsvPreview, keep: DataChoice, data: FileData | null): DataChoice {
  const names = new Set(preview.columns.map((c) => c.name))
  if (data && data.format === 'csv') {
    const targets = (data.targetColumns ?? [preview.suggestedTarget])
      .map((t) => (typeof t === 'number' ? preview.columns[t]?.name : t))
      .filter((t): t is string => t !== undefined && names.has(t))
    const target = targets[0] ?? preview.suggestedTarget
    const asClasses = data.classes !== undefined || data.labelNames !== undefined
    return {
      ...keep,
      targets: targets.length > 0 ? targets : [target],
      excluded: (data.excluded ?? []).filter((x) => names.has(x)),
      categorical: [...(data.categorical ?? []), ...(asClasses ? [target] : [])].filter((x) => names.has(x)),
      classNames: data.labelNames ?? null,
      missing: data.missing ?? 'error',
      normalization: data.scaling,
      validation: data.validationFraction ?? 0,
      test: data.testFraction ?? 0,
      stratify: data.stratify ?? false,
    }
  }
  const kept = keep.targets.filter((t) => names.has(t))
  const targets = kept.length > 0 ? kept : [preview.suggestedTarget]
  const preambleNames = targets.length === 1 ? preambleNamesFor(preview, targets[0]) : null
  return {
    ...keep,
    targets,
    excluded: [...new Set([...keep.excluded.filter((x) => names.has(x)), ...preview.idLike.filter((x) => !targets.includes(x))])],
    categorical: preambleNames ? [targets[0]] : keep.categorical.filter((x) => names.has(x)),
    classNames: preambleNames,
  }
}
