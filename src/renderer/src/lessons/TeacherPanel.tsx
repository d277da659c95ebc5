/**
 * Teacher mode's panel, where the lesson player sits: the lesson's title and source, its steps
 * (each a recorded canvas), the selected step's editor, and Preview / Save. A draft that cannot
 * be a lesson file says what and where before it is previewed or saved.
 */
import { saveJsonText } from '../files/saveText'
import { StepEditor } from './StepEditor'
import { useTeacher } from './teacherStore'
import './lessons.css'

async function saveDraft(): Promise<void> {
  const built = useTeacher.getState().build()
  if (built.ok) await saveJsonText(built.text, `${built.lesson.id}.axon-lesson.json`, 'Axon Studio lesson')
}

export function TeacherPanel() {
  const draft = useTeacher((s) => s.draft)
  const selected = useTeacher((s) => s.selected)
  const problems = useTeacher((s) => s.problems)
  const t = useTeacher.getState()
  const step = draft.steps[selected]
  return (
    <aside className="lesson-panel teacher-panel" data-testid="teacher-panel" data-steps={draft.steps.length}>
      <header className="lesson-head">
        <strong>Teacher mode</strong>
        <button type="button" className="icon-button" data-testid="teacher-close" aria-label="Close teacher mode" title="Close teacher mode (the draft is lost unless saved)" onClick={() => t.close()}>
          ×
        </button>
      </header>
      <div className="lesson-body">
        <label className="teacher-block">
          Lesson title <input type="text" data-testid="teacher-title" value={draft.title} placeholder="e.g. One step of backpropagation" onChange={(e) => t.setMeta({ title: e.target.value })} />
        </label>
        <label className="teacher-block">
          Lecture it follows <input type="text" data-testid="teacher-source" value={draft.source ?? ''} onChange={(e) => t.setMeta({ source: e.target.value || undefined })} />
        </label>
        <p className="muted teacher-id">File: {draft.id}.axon-lesson.json</p>
        <nav className="lesson-steps" aria-label="Steps">
          {draft.steps.map((s, i) => (
            <button key={i} type="button" className={i === selected ? 'is-current' : ''} data-testid={`teacher-step-${i}`} title={s.title} aria-current={i === selected} onClick={() => t.select(i)}>
              {i + 1}
            </button>
          ))}
          <button type="button" data-testid="teacher-record" title="Add the canvas as it is now as a new step" onClick={() => t.record()}>
            + Record canvas as a step
          </button>
        </nav>
        {step ? <StepEditor step={step} index={selected} /> : <p className="muted">Build the network on the canvas (or open an example), then record it as the first step.</p>}
      </div>
      {problems.length > 0 && (
        <ul className="field-problem teacher-problems" role="alert" data-testid="teacher-problems">
          {problems.slice(0, 5).map((p, i) => (
            <li key={i}>
              {p.path} {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="lesson-nav">
        <button type="button" data-testid="teacher-preview" onClick={() => t.preview()}>
          Preview as a student
        </button>
        <button type="button" data-testid="teacher-save" onClick={() => void saveDraft()}>
          Save lesson file…
        </button>
      </div>
    </aside>
  )
}
