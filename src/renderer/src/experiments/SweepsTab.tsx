import { useEffect, useMemo, useState } from 'react'
import { getEngineConnection } from '../engineClient'
import { useDocument, selectCanTrain } from '../store/documentStore'
import { secondAxis } from './sweepAxes'
import { readSweepDraft, savedDraft, type AxisDraft } from './sweepDraft'
import { cancelSweep, runSweep, useSweepProgress } from './sweepRunner'
import { SweepAxisRow } from './SweepAxisRow'
import { SweepResults } from './SweepResults'
import { sweepRunningText } from './sweepStatusText'

/**
 * Sweeps: pick one or two settings and their values; every combination trains as its own run
 * (queued), then the results table (best marked), the curves overlaid and a CSV export.
 */
export function SweepsTab() {
  const project = useDocument((s) => s.project)
  const canTrain = useDocument(selectCanTrain)
  const running = useSweepProgress((s) => s.sweepId !== null)
  // The form lives in the project (saved with it, back after a reload), not in this component.
  const drafts = useMemo(() => savedDraft(project), [project])
  const setDrafts = (next: AxisDraft[]) => useDocument.getState().setSweepDraft(next)
  const reading = readSweepDraft(project, drafts)
  const setDraft = (i: number, axis: AxisDraft) => setDrafts(drafts.map((a, k) => (k === i ? axis : a)))
  const sweeps = project.experiments?.sweeps ?? []
  const parallel = useParallelRuns()
  const lanes = parallel === null ? '' : parallel > 1 ? ` (${parallel} at a time, one per training thread: the threads setting in the status bar)` : ' (one after another)'
  return (
    <div className="sweeps" data-testid="sweeps">
      <p className="muted" data-testid="sweep-intro" data-parallel={parallel ?? ''}>
        Train the network on the canvas once per combination of the values below{lanes}, each to the end its optimizer block says; then compare.
      </p>
      {drafts.map((a, i) => (
        <SweepAxisRow key={i} project={project} index={i} axis={a} problem={reading.axes ? null : reading.axis === i ? reading.problem : null} disabled={running} onChange={(axis) => setDraft(i, axis)} onRemove={i === 1 ? () => setDrafts(drafts.slice(0, 1)) : undefined} />
      ))}
      <div className="sweep-actions">
        {drafts.length === 1 && (
          <button type="button" data-testid="sweep-add-axis" disabled={running} onClick={() => setDrafts([...drafts, secondAxis(project, drafts[0])])}>
            + a second setting
          </button>
        )}
        {running ? (
          <button type="button" data-testid="sweep-cancel" onClick={() => void cancelSweep()}>
            Stop the sweep
          </button>
        ) : (
          <button type="button" className="primary" data-testid="sweep-run" disabled={!reading.axes || !canTrain} onClick={() => reading.axes && void runSweep(reading.axes)}>
            {reading.axes ? `Run ${reading.runs} run${reading.runs === 1 ? '' : 's'}` : 'Run'}
          </button>
        )}
        <SweepStatus />
      </div>
      {!canTrain && <p className="warn">Fix the problems on the canvas first: the sweep trains this network.</p>}
      {sweeps
        .map((s, i) => <SweepResults key={s.id} sweep={s} place={i + 1} />)
        .reverse()}
    </div>
  )
}

/** How far the sweep is, which runs are training and their epochs, or why the sweep stopped. */
function SweepStatus() {
  const p = useSweepProgress()
  if (p.error) return <span className="error" data-testid="sweep-error">{p.error}</span>
  if (!p.sweepId) return null
  const training = sweepRunningText(p.running)
  return (
    <span className="muted" data-testid="sweep-status" data-done={p.done} data-total={p.total} data-parallel={p.parallel}>
      {p.done} of {p.total} done{training && ` · ${training}`}
      {p.parallel > 1 && ` · ${p.parallel} at a time`}
      {p.cancelled && ' · stopping…'}
    </span>
  )
}

/** How many runs train at once (the engine's runner threads), as the tab says before a sweep. */
function useParallelRuns(): number | null {
  const [parallel, setParallel] = useState<number | null>(null)
  useEffect(() => {
    let live = true
    void getEngineConnection()
      .then((c) => c.engine.threads())
      .then((info) => live && setParallel(info.parallelRuns), () => undefined)
    return () => {
      live = false
    }
  }, [])
  return parallel
}
