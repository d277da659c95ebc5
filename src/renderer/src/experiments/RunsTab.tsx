import { useState } from 'react'
import { useDocument } from '../store/documentStore'
import { diffSummary, runNetworkDiff } from '../../../engine/experiments/runDiff'
import type { RunRecord } from '../../../engine/experiments/runHistory'
import { fmt, percent } from '../training/format'
import { RunComparison } from './RunComparison'
import { deleteRuns, restoreRunNetwork, setRunPinned } from './runActions'

const NO_RUNS: RunRecord[] = []

/** "14:05" for today's runs, else the date too. */
function endedText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '–'
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString()} ${time}`
}

const metric = (v: number | null | undefined) => fmt(v ?? NaN)
const share = (v: number | null | undefined) => percent(v ?? undefined)

/** One row a run, newest first: its actions beside its name (in view however wide the table), what it reached, what changed since the run before. */
function RunRow({ run, previous, selected, onSelect, onRestore }: { run: RunRecord; previous: RunRecord | undefined; selected: boolean; onSelect: (on: boolean) => void; onRestore: () => void }) {
  const changes = previous ? runNetworkDiff(previous.network, run.network) : []
  const restoreTitle = run.weights ? 'Put this run’s network and trained weights back on the canvas (undo takes it back)' : 'Put this run’s network back on the canvas; its weights were dropped to keep the project small, so it starts from its initialiser'
  return (
    <tr data-testid={`run-row-${run.name}`} className={selected ? 'is-selected' : ''}>
      <th scope="row">
        <label>
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Compare ${run.name}`} data-testid={`run-select-${run.name}`} /> {run.name}
        </label>
      </th>
      <td className="run-actions">
        <button type="button" aria-pressed={Boolean(run.pinned)} title={run.pinned ? 'Unpin: may be dropped when the history grows' : 'Pin: keep this run and its weights however long the history grows'} onClick={() => setRunPinned(run.id, !run.pinned)} data-testid={`run-pin-${run.name}`}>
          {run.pinned ? '★' : '☆'}
        </button>
        <button type="button" title={restoreTitle} onClick={onRestore} data-testid={`run-restore-${run.name}`}>
          Restore{run.weights ? '' : ' settings'}
        </button>
        <button type="button" title="Remove this run from the history" onClick={() => deleteRuns([run.id])} data-testid={`run-delete-${run.name}`}>
          ✕
        </button>
      </td>
      <td>{endedText(run.created)}</td>
      <td title={run.note}>{run.status === 'finished' ? run.epochs : <span className={run.status === 'failed' ? 'error' : ''}>{`${run.status}, ${run.epochs}`}</span>}</td>
      <td>{metric(run.final.loss)}</td>
      <td>{share(run.final.accuracy)}</td>
      <td>{metric(run.final.valLoss)}</td>
      <td>{share(run.final.valAccuracy)}</td>
      <td data-testid={`run-test-${run.name}`}>{run.test ? (run.test.accuracy !== undefined ? share(run.test.accuracy) : metric(run.test.loss)) : '–'}</td>
      <td title={run.openedFrom ? `Opened from ${run.openedFrom}: it trained elsewhere` : undefined}>{run.openedFrom ? '–' : `${run.seconds.toFixed(1)} s`}</td>
      <td className="run-changes" title={changes.map((c) => `${c.where} · ${c.setting}: ${c.before} → ${c.after}`).join('\n')} data-testid={`run-changes-${run.name}`}>
        {previous ? diffSummary(changes, 2) : 'first run'}
      </td>
    </tr>
  )
}

/**
 * The Runs tab: every training run of this network (kept in the project), newest first, with
 * what changed since the run before; tick two or more to compare them side by side.
 */
export function RunsTab() {
  const runs = useDocument((s) => s.project.runs ?? NO_RUNS)
  const [picked, setPicked] = useState<string[]>([])
  // Why the last Restore did nothing (a lesson step's locks), said above the table.
  const [problem, setProblem] = useState<string | null>(null)
  const restore = (run: RunRecord) => void restoreRunNetwork(run).then(setProblem)
  const chosen = runs.filter((r) => picked.includes(r.id))
  const select = (id: string, on: boolean) => setPicked(on ? [...picked.filter((p) => p !== id), id] : picked.filter((p) => p !== id))
  if (runs.length === 0) {
    return (
      <div className="runs" data-testid="runs-tab">
        <p className="muted" data-testid="runs-empty">
          No runs yet. Press ▶ Train or run a sweep: every run is kept here when it ends (or when you train again), with its settings, curves, metrics and trained weights, and saved with the project.
        </p>
      </div>
    )
  }
  return (
    <div className="runs" data-testid="runs-tab" data-runs={runs.length}>
      {problem && (
        <p className="error" role="alert" data-testid="runs-problem">
          {problem}
        </p>
      )}
      <div className="pg-table-wrap">
        <table className="pg-table runs-table" data-testid="runs-table">
          <thead>
            <tr>
              <th title="Tick two or more to compare">run (tick to compare)</th>
              <th></th>
              <th>ended</th>
              <th>epochs</th>
              <th>train loss</th>
              <th>train acc.</th>
              <th>val. loss</th>
              <th>val. acc.</th>
              <th>test</th>
              <th>time</th>
              <th>changes since the run before</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run, i) => ({ run, previous: runs[i - 1] })).reverse().map(({ run, previous }) => (
              <RunRow key={run.id} run={run} previous={previous} selected={picked.includes(run.id)} onSelect={(on) => select(run.id, on)} onRestore={() => restore(run)} />
            ))}
          </tbody>
        </table>
      </div>
      {chosen.length >= 2 ? <RunComparison runs={chosen} /> : <p className="muted">Tick two or more runs to compare their settings, metrics and curves side by side.</p>}
    </div>
  )
}
