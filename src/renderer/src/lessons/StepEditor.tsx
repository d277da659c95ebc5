/**
 * Teacher mode: one step — its title, its text (Markdown and TeX, previewed as the student sees
 * it), what it locks or hides, and its question.
 */
import { useState } from 'react'
import { HIDEABLE, type Hideable, type LessonStep, type Lock } from '../../../engine/lessons'
import { LessonText } from './LessonText'
import { QuestionEditor } from './QuestionEditor'
import { useTeacher } from './teacherStore'

const HIDE_LABELS: Record<Hideable, string> = {
  palette: 'the palette',
  examples: 'the examples',
  file: 'New / Open / Save / More ▾',
  data: 'the data panel',
  inspector: 'the inspector tab',
  training: 'the training tab',
  train: 'the Train buttons',
}

/** `list` with `item` in or out; undefined when it ends up empty (the file leaves it out). */
function toggled<T>(list: readonly T[] | undefined, item: T, on: boolean): T[] | undefined {
  const next = (list ?? []).filter((x) => x !== item)
  if (on) next.push(item)
  return next.length > 0 ? next : undefined
}

function withLock(lock: Lock, patch: Partial<Lock>): Lock {
  const next: Lock = { ...lock, ...patch }
  for (const key of Object.keys(next) as (keyof Lock)[]) if (next[key] === undefined || next[key] === false) delete next[key]
  return next
}

function LockEditor({ step }: { step: LessonStep }) {
  const lock = step.lock
  const [open, setOpen] = useState<string | null>(null)
  const setLock = (patch: Partial<Lock>) => useTeacher.getState().updateStep({ lock: withLock(lock, patch) })
  return (
    <section className="teacher-locks" data-testid="teacher-locks">
      <h4>The student cannot</h4>
      <label>
        <input type="checkbox" data-testid="teacher-lock-structure" checked={lock.structure ?? false} onChange={(e) => setLock({ structure: e.target.checked })} /> add or remove nodes and wires
      </label>
      <div className="teacher-nodes">
        {step.project.nodes.map((n) => {
          const nodeLocked = lock.nodes?.includes(n.id) ?? false
          return (
            <div key={n.id}>
              <label>
                <input type="checkbox" data-testid={`teacher-lock-node-${n.id}`} checked={nodeLocked} onChange={(e) => setLock({ nodes: toggled(lock.nodes, n.id, e.target.checked) })} /> change <strong>{n.label ?? n.id}</strong> <span className="muted">({n.kind})</span>
              </label>{' '}
              {!nodeLocked && (
                <button type="button" className="link-button" data-testid={`teacher-node-params-${n.id}`} aria-expanded={open === n.id} onClick={() => setOpen(open === n.id ? null : n.id)}>
                  {open === n.id ? 'fewer' : 'single settings…'}
                </button>
              )}
              {!nodeLocked &&
                open === n.id &&
                Object.keys(n.params).map((p) => (
                  <label key={p} className="teacher-param">
                    <input type="checkbox" data-testid={`teacher-lock-param-${n.id}-${p}`} checked={lock.params?.includes(`${n.id}.${p}`) ?? false} onChange={(e) => setLock({ params: toggled(lock.params, `${n.id}.${p}`, e.target.checked) })} /> {p}
                  </label>
                ))}
            </div>
          )
        })}
      </div>
      <h4>Hidden from the student</h4>
      <div className="teacher-hide">
        {HIDEABLE.map((h) => (
          <label key={h}>
            <input type="checkbox" data-testid={`teacher-hide-${h}`} checked={lock.hide?.includes(h) ?? false} onChange={(e) => setLock({ hide: toggled(lock.hide, h, e.target.checked) })} /> {HIDE_LABELS[h]}
          </label>
        ))}
      </div>
    </section>
  )
}

export function StepEditor({ step, index }: { step: LessonStep; index: number }) {
  const update = useTeacher.getState().updateStep
  return (
    <div className="teacher-step" data-testid="teacher-step" data-step={index}>
      <label className="teacher-block">
        Step title <input type="text" data-testid="teacher-step-title" value={step.title} onChange={(e) => update({ title: e.target.value })} />
      </label>
      <label className="teacher-block">
        Text (Markdown; formulas in $…$ and $$…$$)
        <textarea rows={6} data-testid="teacher-step-text" value={step.text} onChange={(e) => update({ text: e.target.value })} />
      </label>
      {step.text.trim() !== '' && (
        <div className="teacher-text-preview" data-testid="teacher-text-preview">
          <LessonText text={step.text} />
        </div>
      )}
      <p className="teacher-row">
        <button type="button" data-testid="teacher-rerecord" title="Replace this step’s network with the canvas as it is now" onClick={() => useTeacher.getState().rerecord()}>
          Update from canvas
        </button>
        <button type="button" data-testid="teacher-delete-step" onClick={() => useTeacher.getState().removeStep()}>
          Delete step
        </button>
      </p>
      <LockEditor step={step} />
      <QuestionEditor key={index} step={step} onChange={(question) => update({ question })} />
    </div>
  )
}
