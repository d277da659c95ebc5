import { INITS, NODE_KINDS, optimizerNodeFormula, OPTIMIZERS_WITH_FORMS, SCHEDULES, type Diagnostic, type ParamInfo, type ProjectNode } from '../../../engine/project'
import type { InitSpec, ScheduleSpec } from '../../../engine/spec'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { ActivationPlot } from './ActivationPlot'
import { ChoicesParam, FieldRow, NumberInput, NumberListInput, NumberParam } from './fields'
import { ProjectInfo } from './ProjectInfo'
import { RegistryChoiceField } from './RegistryChoiceField'
import { WeightsEditor } from './WeightsEditor'
import { plural } from '../plural'
import { selectLock, useLesson } from '../lessons/lessonStore'
import { LessonLockNote, lockedField } from '../lessons/lockedFields'

const NO_DIAGNOSTICS: Diagnostic[] = []

/** Whether a parameter applies given the node's other settings (`when` in NODE_KINDS). */
function shown(info: ParamInfo, params: Record<string, unknown>): boolean {
  return !info.when || info.when.in.includes(params[info.when.key] as string | boolean)
}

/** The right-hand inspector: the selected node's every setting, or the project when none is. */
export function Inspector() {
  const selected = useUi((s) => s.selectedNodes)
  const selectedEdges = useUi((s) => s.selectedEdges)
  const node = useDocument((s) => (selected.length === 1 ? s.project.nodes.find((n) => n.id === selected[0]) : undefined))
  if (selected.length > 1) {
    return (
      <div className="inspector" data-testid="inspector">
        <h2>{plural(selected.length, 'node')} selected</h2>
        <p className="muted">Move them together, copy (Ctrl+C), duplicate (Ctrl+D) or delete them (Delete).</p>
      </div>
    )
  }
  if (!node) return <div className="inspector" data-testid="inspector">{selectedEdges.length === 1 ? <EdgeInfo id={selectedEdges[0]} /> : <ProjectInfo />}</div>
  return <NodeInspector key={node.id} node={node} />
}

function EdgeInfo({ id }: { id: string }) {
  const label = useDocument((s) => s.shapes.edgeLabel[id])
  const diagnostics = useDocument((s) => s.pinned.byEdge[id] ?? NO_DIAGNOSTICS)
  return (
    <>
      <h2>Connection</h2>
      <p>
        Carries <strong>{label ?? '?'}</strong> values per example.
      </p>
      <Diagnostics list={diagnostics} />
      <button type="button" onClick={() => useDocument.getState().deleteElements([], [id])}>
        Delete connection
      </button>
    </>
  )
}

function Diagnostics({ list }: { list: readonly Diagnostic[] }) {
  if (list.length === 0) return null
  return (
    <ul className="inspector-diagnostics" data-testid="inspector-diagnostics">
      {list.map((d, i) => (
        <li key={i} className={`diag-${d.severity}`}>
          <div className="diag-message">{d.message}</div>
          <div className="diag-hint">{d.hint}</div>
        </li>
      ))}
    </ul>
  )
}

function NodeInspector({ node }: { node: ProjectNode }) {
  const info = NODE_KINDS[node.kind]
  const diagnostics = useDocument((s) => s.pinned.byNode[node.id] ?? NO_DIAGNOSTICS)
  const shape = useDocument((s) => s.shapes.byNode[node.id])
  const doc = useDocument.getState
  const params = node.params as unknown as Record<string, unknown>
  // Typing into one field is one undo step (same tag); a click on a checkbox or menu is its own.
  const set = (key: string, value: unknown, tag: string | null = key) => doc().updateParams(node.id, { [key]: value }, tag === null ? undefined : `${node.id}:${tag}`)
  const paramDiagnostics = (key: string) => diagnostics.filter((d) => d.param === key)
  const fieldKeys = new Set(info.params.filter((p) => shown(p, params)).map((p) => p.key))
  const lock = useLesson(selectLock)

  return (
    <div className="inspector" data-testid="inspector" data-node={node.id}>
      <header className={`inspector-head group-${node.kind}`}>
        <h2>{info.label}</h2>
        <code className="muted">{node.id}</code>
      </header>
      <p className="inspector-description">{info.description}</p>
      <LessonLockNote nodeId={node.id} />
      {/* Problems with a setting show under its field; the rest here. */}
      <Diagnostics list={diagnostics.filter((d) => !d.param || !fieldKeys.has(d.param))} />
      <FieldRow label="Label" description="A name shown on the canvas and in messages (optional).">
        <input type="text" data-testid="param-label" value={node.label ?? ''} onChange={(e) => doc().setLabel(node.id, e.target.value, `${node.id}:label`)} />
      </FieldRow>
      {node.kind === 'activation' && <ActivationPlot params={node.params} />}
      {info.params
        .filter((p) => shown(p, params) && p.type !== 'matrix' && p.type !== 'vector')
        .map((p) => lockedField(lock, node.id, p.key, (() => {
          const testId = `param-${p.key}`
          const problems = paramDiagnostics(p.key)
          switch (p.type) {
            case 'int':
            case 'number':
            case 'numberOrNull':
            case 'sizeOrAuto':
              return <NumberParam key={p.key} info={p} value={params[p.key]} testId={testId} diagnostics={problems} onCommit={(v) => set(p.key, v)} />
            case 'boolean':
              return (
                <FieldRow key={p.key} label={p.label} description={p.description} problems={problems.map((d) => `${d.message} ${d.hint}`)}>
                  <input type="checkbox" data-testid={testId} checked={params[p.key] === true} onChange={(e) => set(p.key, e.target.checked, null)} />
                </FieldRow>
              )
            case 'enum': {
              const options = p.options ?? {}
              const current = String(params[p.key])
              // The update rule's formula, under the rule and its form: the text of what the engine runs.
              const formula = node.kind === 'optimizer' && p.key === (OPTIMIZERS_WITH_FORMS.includes(node.params.optimizer) ? 'form' : 'optimizer') && (
                <p key="formula" className="update-formula" data-testid="optimizer-formula" title="g = ∂E/∂w after regularisation and clipping">
                  {optimizerNodeFormula(node.params)}
                </p>
              )
              return [
                <FieldRow key={p.key} label={p.label} description={options[current]?.description ?? p.description} problems={problems.map((d) => `${d.message} ${d.hint}`)}>
                  <select data-testid={testId} value={current} onChange={(e) => set(p.key, e.target.value, null)} title={p.description}>
                    {Object.entries(options).map(([id, o]) => (
                      <option key={id} value={id}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </FieldRow>,
                formula,
              ]
            }
            case 'choices':
              return <ChoicesParam key={p.key} info={p} value={params[p.key] as string[]} testId={testId} problems={problems.map((d) => `${d.message} ${d.hint}`)} onChange={(v) => set(p.key, v, null)} />
            case 'init':
              return <InitEditor key={p.key} info={p} value={params[p.key] as InitSpec} problems={problems} onChange={(v, tag) => set(p.key, v, tag ?? null)} />
            case 'schedule':
              return <ScheduleEditor key={p.key} info={p} value={params[p.key] as ScheduleSpec} problems={problems} onChange={(v, tag) => set(p.key, v, tag ?? null)} />
            default:
              return null
          }
        })()))}
      {node.kind === 'dense' && lockedField(lock, node.id, 'weights', <WeightsEditor node={node} nIn={shape?.inSize ?? null} diagnostics={diagnostics} />)}
    </div>
  )
}

function InitEditor({ info, value, problems, onChange }: { info: ParamInfo; value: InitSpec; problems: readonly Diagnostic[]; onChange: (v: InitSpec, tag?: string) => void }) {
  const sub = (key: 'value' | 'low' | 'high' | 'mean' | 'std', label: string) => (
    <label className="sub-field" key={key}>
      {label}
      <NumberInput value={value[key]} testId={`param-${info.key}-${key}`} onCommit={(v) => onChange({ ...value, [key]: v }, `${info.key}:${key}`)} />
    </label>
  )
  return (
    <RegistryChoiceField info={info} id={value.id} choices={INITS} problems={problems} onPick={(id) => onChange(defaultInit(id))}>
      {value.id === 'constant' && sub('value', 'value')}
      {value.id === 'uniform' && [sub('low', 'low'), sub('high', 'high')]}
      {value.id === 'normal' && [sub('mean', 'mean'), sub('std', 'std')]}
    </RegistryChoiceField>
  )
}

function defaultInit(id: InitSpec['id']): InitSpec {
  if (id === 'constant') return { id, value: 0.5 }
  if (id === 'uniform') return { id, low: -1, high: 1 }
  if (id === 'normal') return { id, mean: 0, std: 1 }
  return { id }
}

function ScheduleEditor({ info, value, problems, onChange }: { info: ParamInfo; value: ScheduleSpec; problems: readonly Diagnostic[]; onChange: (v: ScheduleSpec, tag?: string) => void }) {
  const v = value as ScheduleSpec & Record<string, unknown>
  const num = (key: string, label: string) => (
    <label className="sub-field" key={key}>
      {label}
      <NumberInput value={v[key] as number | undefined} testId={`param-schedule-${key}`} onCommit={(x) => onChange({ ...value, [key]: x } as ScheduleSpec, `schedule:${key}`)} />
    </label>
  )
  const list = (key: string, label: string) => (
    <label className="sub-field" key={key}>
      {label}
      <NumberListInput value={v[key] as number[] | undefined} testId={`param-schedule-${key}`} onCommit={(x) => onChange({ ...value, [key]: x } as ScheduleSpec, `schedule:${key}`)} />
    </label>
  )
  return (
    <RegistryChoiceField info={info} id={value.id} choices={SCHEDULES} problems={problems} onPick={(id) => onChange(defaultSchedule(id))}>
      {value.id === 'step' && [num('every', 'every (epochs)'), num('factor', 'factor')]}
      {value.id === 'exponential' && num('gamma', 'γ')}
      {value.id === 'piecewise' && [list('boundaries', 'boundaries (epochs)'), list('values', 'η values')]}
    </RegistryChoiceField>
  )
}

function defaultSchedule(id: ScheduleSpec['id']): ScheduleSpec {
  if (id === 'step') return { id, every: 10, factor: 0.5 } as ScheduleSpec
  if (id === 'exponential') return { id, gamma: 0.95 } as ScheduleSpec
  if (id === 'piecewise') return { id, boundaries: [10], values: [0.5, 0.1] } as ScheduleSpec
  return { id } as ScheduleSpec
}
