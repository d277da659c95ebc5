import { Fragment } from 'react'
import { fmt, percent } from '../training/format'
import { useDocument } from '../store/documentStore'
import { PROJECT_SETTING, type Sweep, type SweepRunRecord } from '../../../engine/experiments/sweep'
import { sweepAxisNames } from './sweepHistory'

/** An axis as its key reads in the CSV export (the table's heading says it in a tooltip): the seed alone, a node's setting as `node.setting`. */
const axisKey = (a: Sweep['axes'][number]) => (a.nodeId === PROJECT_SETTING ? a.param : `${a.nodeId}.${a.param}`)

/** Puts a run's node settings onto the canvas (one undo step each; the seed stays the project's). */
function restoreRun(sweep: Sweep, r: SweepRunRecord): void {
  const doc = useDocument.getState()
  sweep.axes.forEach((a, i) => {
    if (a.nodeId !== PROJECT_SETTING) doc.updateParams(a.nodeId, { [a.param]: r.values[i] })
  })
}

/** Which columns have something to show in any run. */
interface Columns {
  acc: boolean
  val: boolean
  test: boolean
}

/** How many columns the table has (the axes, epochs, train loss, time, actions and those in `has`). */
function columnCount(sweep: Sweep, has: Columns): number {
  return sweep.axes.length + 4 + [has.acc, has.val, has.val && has.acc, has.test, has.test && has.acc].filter(Boolean).length
}

/** One row a run (`colors`: each run's colour, as its curve): its values, epochs, final and best losses and accuracies, time; best marked. */
export function SweepRunsTable({ sweep, best, colors }: { sweep: Sweep; best: number | null; colors: readonly string[] }) {
  const names = sweepAxisNames(useDocument((s) => s.project), sweep.axes)
  const has: Columns = { acc: sweep.runs.some((r) => r.final.accuracy !== undefined), val: sweep.runs.some((r) => r.final.valLoss !== undefined), test: sweep.runs.some((r) => r.test) }
  return (
    <div className="pg-table-wrap">
      <table className="pg-table sweep-table" data-testid="sweep-table">
        <thead>
          <tr>
            {sweep.axes.map((a, i) => (
              <th key={axisKey(a)} title={axisKey(a)} data-testid="sweep-axis-heading">
                {names[i]}
              </th>
            ))}
            <th>epochs</th>
            <th>train loss</th>
            {has.acc && <th>train acc.</th>}
            {has.val && <th>best val. loss (epoch)</th>}
            {has.val && has.acc && <th>val. acc.</th>}
            {has.test && <th>test loss</th>}
            {has.test && has.acc && <th>test acc.</th>}
            <th>time</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {sweep.runs.map((r, i) => (
            <Fragment key={i}>
              <SweepRunRow sweep={sweep} run={r} index={i} isBest={i === best} has={has} color={colors[i]} />
              {r.status !== 'finished' && r.note && (
                // Why it failed, under its row: a projector or a touch screen shows no tooltip.
                <tr className="sweep-note" data-testid={`sweep-note-${i}`}>
                  <td colSpan={columnCount(sweep, has)}>{r.note}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SweepRunRow({ sweep, run: r, index: i, isBest, has, color }: { sweep: Sweep; run: SweepRunRecord; index: number; isBest: boolean; has: Columns; color: string }) {
  return (
    <tr data-testid={`sweep-row-${i}`} data-best={isBest} data-test-accuracy={r.test?.accuracy ?? ''} data-seconds={r.seconds} className={isBest ? 'is-best' : ''}>
      {r.values.map((v, k) => (
        <td key={k} style={k === 0 ? { borderLeft: `4px solid ${color}` } : undefined}>
          {String(v)}
        </td>
      ))}
      <td>{r.status === 'finished' ? r.epochs : <span className="error" title={r.note}>{r.status}</span>}</td>
      <td>{fmt(r.final.loss)}</td>
      {has.acc && <td>{percent(r.final.accuracy)}</td>}
      {has.val && <td>{r.best.valLoss !== undefined ? `${fmt(r.best.valLoss)} (${r.best.valEpoch})` : '–'}</td>}
      {has.val && has.acc && <td>{percent(r.best.valAccuracy)}</td>}
      {has.test && <td>{fmt(r.test?.loss)}</td>}
      {has.test && has.acc && <td data-testid={`sweep-test-accuracy-${i}`}>{r.test?.accuracy !== undefined ? `${(100 * r.test.accuracy).toFixed(2)}%` : '–'}</td>}
      <td data-testid={`sweep-time-${i}`}>{r.seconds.toFixed(1)} s</td>
      <td>
        {isBest && <span className="pg-best" data-testid="sweep-best">★ best </span>}
        <button type="button" data-testid={`sweep-restore-${i}`} onClick={() => restoreRun(sweep, r)} title="Put this run's settings on the canvas (a swept seed stays the project's)">
          Use
        </button>
      </td>
    </tr>
  )
}
