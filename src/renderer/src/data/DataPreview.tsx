/** The preview of opened data: a heading that sums it up, and the CSV table with its columns' roles. */
import { plural } from '../plural'
import { rereadCsv, setChoice, useData } from './dataStore'
import { CsvTableView } from './views'

export function PreviewHeading() {
  const preview = useData((s) => s.preview)!
  let text: string
  if (preview.kind === 'csv') {
    const sep = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' }[preview.delimiter]
    text = `${preview.name}: ${plural(preview.rowCount, 'row')} × ${plural(preview.columns.length, 'column')}, separated by ${sep}${preview.header ? ', with a header row' : ', no header row'}`
  } else if (preview.kind === 'idx') {
    text = `${preview.name}${preview.labelsName ? ` + ${preview.labelsName}` : ''}: ${plural(preview.count, 'example')} of ${preview.inputShape.join('×')} ${preview.elementType}${preview.testCount > 0 ? ` · test set ${preview.testCount.toLocaleString()}` : ''}`
  } else {
    text = `${preview.name}: ${plural(preview.count, 'example')}, ${plural(preview.inputSize, 'input')} → ${plural(preview.targetSize, 'target')}`
  }
  return (
    <div className="preview-heading" data-testid="data-preview-heading">
      {text}
    </div>
  )
}

export function CsvPreviewWithRoles() {
  const preview = useData((s) => s.preview)
  const targets = useData((s) => s.choice.targets)
  const excluded = useData((s) => s.choice.excluded)
  const categorical = useData((s) => s.choice.categorical)
  const columnTypes = useData((s) => s.choice.columnTypes)
  if (preview?.kind !== 'csv') return null
  return (
    <CsvTableView
      preview={preview}
      targets={targets}
      excluded={excluded}
      categorical={categorical}
      onKind={(name, kind) => {
        const column = preview.columns.find((c) => c.name === name)
        if (column?.kind === 'numeric') {
          // Numbers read as categories: chosen when preparing, no need to read the file again.
          setChoice({
            categorical:
              kind === 'categorical'
                ? [...categorical, name]
                : categorical.filter((c) => c !== name),
            ...(kind === 'numeric' && targets.includes(name) ? { classNames: null } : {}),
          })
        } else void rereadCsv({ columnTypes: { ...columnTypes, [name]: kind } })
      }}
      onRole={(name, role) => {
        const others = targets.filter((t) => t !== name)
        // At least one target: the last one cannot become an input.
        if (role !== 'target' && others.length === 0) return
        setChoice({
          targets: role === 'target' ? [...others, name] : others,
          excluded:
            role === 'unused'
              ? [...excluded.filter((x) => x !== name), name]
              : excluded.filter((x) => x !== name),
        })
      }}
    />
  )
}
