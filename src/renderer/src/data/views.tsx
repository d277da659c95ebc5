/**
 * The data panel's previews: the CSV table with per-column statistics, the IDX image grid with
 * labels, a built-in set's points or truth table, class balance bars, and the error box.
 * Every number here came from the engine's preview; these components only draw it.
 */
import { memo, useEffect, useRef } from 'react'
import { useCanvas2d } from '../viz/useCanvas2d'
import type {
  BuiltinPreview,
  CsvColumnPreview,
  CsvPreview,
  ImageGrid,
  IdxPreview,
} from '../../../engine/host/dataFiles'
import type { DataProblem } from './dataStore'
import { useDocument } from '../store/documentStore'
import { dataSourceName } from './dataName'
import { CLASS_COLORS } from '../viz/paint/planeMarks'

/** A class's colour, as the decision boundary draws it. */
export const classColor = (c: number): string =>
  c < 0 ? '#888' : CLASS_COLORS[c % CLASS_COLORS.length]

const num = (x: number): string =>
  Number.isFinite(x)
    ? Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3)
      ? x.toExponential(2)
      : String(Math.round(x * 1000) / 1000)
    : '–'

/** The problem, where the user is looking: what went wrong, where (line, column, byte), what to do. */
export function DataErrorBox({ problem }: { problem: DataProblem }) {
  const { info, file } = problem
  const where = [
    file ? `File: ${file}` : null,
    info.line !== undefined ? `line ${info.line}` : null,
    info.column !== undefined ? `column “${info.column}”` : null,
    info.byteOffset !== undefined ? `byte ${info.byteOffset}` : null,
  ].filter(Boolean)
  // The box sits above the preview, and "Use this data" below it may have scrolled it away.
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => revealInDialog(box.current), [problem])
  const inUse = dataSourceName(useDocument((s) => s.project.data))
  return (
    <div ref={box} className="data-error" role="alert" data-testid="data-error" data-code={info.code} data-not-used={problem.notUsed ? 'true' : undefined}>
      {problem.notUsed && (
        <div className="data-error-not-used" data-testid="data-error-not-used">
          Not used: {file ?? 'the files chosen'}
        </div>
      )}
      <strong data-testid="data-error-message">{info.message}</strong>
      {where.length > 0 && (
        <div className="data-error-where" data-testid="data-error-where">
          {where.join(' · ')}
        </div>
      )}
      <div className="data-error-hint">{info.hint}</div>
      <div className="muted" data-testid="data-error-kept">
        {problem.notUsed
          ? `The project still uses ${inUse}.`
          : problem.stage === 'open'
            ? 'Nothing was changed: your network and its data are as they were.'
            : 'The project still uses its previous data.'}
      </div>
    </div>
  )
}

/**
 * Scrolls the data dialog (only it: scrollIntoView would also scroll the app's own overflow-hidden
 * layout out of the window) so that `el`'s top is in view.
 */
function revealInDialog(el: HTMLElement | null): void {
  const dialog = el?.closest<HTMLElement>('.data-dialog')
  if (!el || !dialog) return
  const top = el.getBoundingClientRect().top - dialog.getBoundingClientRect().top
  if (top < 0 || top > dialog.clientHeight - 40) dialog.scrollTop += top - 8
}

function ColumnStats({ column }: { column: CsvColumnPreview }) {
  if (column.kind === 'numeric') {
    const s = column.stats
    return (
      <dl className="column-stats">
        <dt>min</dt>
        <dd>{num(s.min)}</dd>
        <dt>max</dt>
        <dd>{num(s.max)}</dd>
        <dt>mean</dt>
        <dd>{num(s.mean)}</dd>
        <dt>missing</dt>
        <dd className={s.missing > 0 ? 'warn' : undefined}>{s.missing}</dd>
      </dl>
    )
  }
  return (
    <dl className="column-stats">
      <dt>classes</dt>
      <dd>{column.distinct}</dd>
      <dt>top</dt>
      <dd title={column.top.map(([n, c]) => `${n}: ${c}`).join('\n')}>
        {column.top
          .slice(0, 3)
          .map(([n]) => n)
          .join(', ')}
        {column.distinct > 3 ? ', …' : ''}
      </dd>
      <dt>missing</dt>
      <dd className={column.missing > 0 ? 'warn' : undefined}>{column.missing}</dd>
    </dl>
  )
}

/** What a CSV column is for. */
export type ColumnRole = 'target' | 'feature' | 'unused'

/** The first rows of the CSV, each column headed by its kind, statistics and role. */
export const CsvTableView = memo(function CsvTableView(props: {
  preview: CsvPreview
  targets: string[]
  excluded: string[]
  /** Numeric columns read as categories. */
  categorical: string[]
  onRole: (name: string, role: ColumnRole) => void
  /** Switch a column between numbers and categories. */
  onKind: (name: string, kind: 'numeric' | 'categorical') => void
}) {
  const { preview, targets, excluded, categorical } = props
  const kindOf = (c: CsvColumnPreview): 'numeric' | 'categorical' =>
    c.kind === 'categorical' || categorical.includes(c.name) ? 'categorical' : 'numeric'
  const role = (name: string): ColumnRole =>
    targets.includes(name) ? 'target' : excluded.includes(name) ? 'unused' : 'feature'
  return (
    <div className="csv-table-wrap">
      <table className="csv-table" data-testid="csv-preview">
        <thead>
          <tr>
            <th className="line-no">line</th>
            {preview.columns.map((c) => (
              <th
                key={c.name}
                className={`role-${role(c.name)}`}
                data-testid={`csv-column-${c.name}`}
                data-role={role(c.name)}
              >
                <div className="column-name">{c.name}</div>
                <select
                  className={`kind-badge kind-${kindOf(c)}`}
                  value={kindOf(c)}
                  onChange={(e) => props.onKind(c.name, e.target.value as 'numeric' | 'categorical')}
                  data-testid={`data-kind-${c.name}`}
                  title="Numeric: one input (or a number to predict). Categorical: one input per value (or classes to predict)."
                >
                  <option value="numeric">numeric</option>
                  <option value="categorical">categorical</option>
                </select>
                <ColumnStats column={c} />
                <select
                  className={`role-select role-${role(c.name)}`}
                  value={role(c.name)}
                  onChange={(e) => props.onRole(c.name, e.target.value as ColumnRole)}
                  data-testid={`data-role-${c.name}`}
                  title="Input: the network reads it. Target: the network predicts it (several numeric targets = regression with several outputs). Unused: left out."
                >
                  <option value="feature">input</option>
                  <option value="target">target</option>
                  <option value="unused">unused</option>
                </select>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.head.map((row, r) => (
            <tr key={r}>
              <td className="line-no">{preview.headLines[r]}</td>
              {row.map((cell, k) => (
                <td
                  key={k}
                  className={`role-${role(preview.columns[k].name)}${cell === '' ? ' missing' : ''}`}
                >
                  {cell === '' ? '—' : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rowCount > preview.head.length && (
        <div className="muted table-more">
          … and {(preview.rowCount - preview.head.length).toLocaleString()} more rows
        </div>
      )}
    </div>
  )
})

/** One greyscale thumbnail, drawn through ImageData and scaled by CSS (pixelated). */
function Thumb({ grid, index }: { grid: ImageGrid; index: number }) {
  const ref = useCanvas2d(
    (ctx) => {
      const size = grid.width * grid.height
      const image = ctx.createImageData(grid.width, grid.height)
      for (let k = 0; k < size; k++) {
        // Ink dark on paper: 255 − pixel, as the images are usually printed.
        const v = 255 - grid.pixels[index * size + k]
        image.data.set([v, v, v, 255], 4 * k)
      }
      ctx.putImageData(image, 0, 0)
    },
    [grid, index],
  )
  return <canvas ref={ref} width={grid.width} height={grid.height} className="thumb" />
}

/** The IDX images as a grid, each with its label, grouped by class. */
export function ImageGridView({ preview }: { preview: IdxPreview }) {
  const grid = preview.grid
  if (!grid)
    return (
      <p className="muted">
        Each example is {preview.inputShape.join('×')} numbers, not an image: no pictures to show.
      </p>
    )
  const name = (c: number): string => (c < 0 ? '' : (preview.labelNames?.[c] ?? String(c)))
  return (
    <div className="image-grid" data-testid="idx-grid" data-count={grid.count}>
      {Array.from({ length: grid.count }, (_, i) => (
        <figure
          key={i}
          className="image-cell"
          title={`row ${grid.rows[i] + 1}${grid.labels[i] >= 0 ? ` · label ${grid.labels[i]} (${name(grid.labels[i])})` : ''}`}
        >
          <Thumb grid={grid} index={i} />
          <figcaption style={{ borderColor: classColor(grid.labels[i]) }}>
            {name(grid.labels[i])}
          </figcaption>
        </figure>
      ))}
    </div>
  )
}

/** Rows per class as horizontal bars. */
export function ClassBalance({
  counts,
  names,
  title = 'Class balance',
}: {
  counts: number[]
  names: readonly string[] | null
  title?: string
}) {
  const max = Math.max(1, ...counts)
  const total = counts.reduce((a, b) => a + b, 0)
  return (
    <div className="class-balance" data-testid="class-balance">
      <div className="section-title">{title}</div>
      {counts.map((n, c) => (
        <div key={c} className="balance-row">
          <span className="balance-name">{names?.[c] ?? c}</span>
          <span className="balance-bar">
            <span style={{ width: `${(100 * n) / max}%`, background: classColor(c) }} />
          </span>
          <span className="balance-count">
            {n.toLocaleString()} <small>({total > 0 ? Math.round((100 * n) / total) : 0}%)</small>
          </span>
        </div>
      ))}
    </div>
  )
}

/** A 2-D built-in set as a scatter plot over [−1.5, 1.5]², coloured by class. */
function Scatter({ points, classes }: { points: Float32Array; classes: Int32Array }) {
  const size = 240
  const ref = useCanvas2d(
    (ctx) => {
      ctx.clearRect(0, 0, size, size)
      let extent = 1
      for (const v of points) extent = Math.max(extent, Math.abs(v))
      const at = (v: number): number => ((v / extent) * 0.92 + 1) * (size / 2)
      for (let i = 0; i < classes.length; i++) {
        ctx.fillStyle = classColor(classes[i])
        ctx.beginPath()
        ctx.arc(at(points[2 * i]), size - at(points[2 * i + 1]), 3, 0, 2 * Math.PI)
        ctx.fill()
      }
    },
    [points, classes],
  )
  return <canvas ref={ref} width={size} height={size} className="scatter" data-testid="builtin-scatter" />
}

export function BuiltinView({ preview }: { preview: BuiltinPreview }) {
  return (
    <div className="builtin-view" data-testid="builtin-preview">
      {preview.points && preview.classes ? (
        <Scatter points={preview.points} classes={preview.classes} />
      ) : (
        <table className="csv-table truth-table">
          <thead>
            <tr>
              {Array.from({ length: preview.inputSize }, (_, k) => (
                <th key={k}>x{k + 1}</th>
              ))}
              {Array.from({ length: preview.targetSize }, (_, k) => (
                <th key={`t${k}`} className="role-target">
                  t{preview.targetSize > 1 ? k + 1 : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows?.map((row, i) => (
              <tr key={i}>
                {row.inputs.map((v, k) => (
                  <td key={k}>{v}</td>
                ))}
                {row.targets.map((v, k) => (
                  <td key={`t${k}`} className="role-target">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
