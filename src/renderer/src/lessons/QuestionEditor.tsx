/**
 * Teacher mode: the step's question and its check — a number the engine computes (with the
 * engine's answer shown as the teacher sets it up), a choice with its key, or a target the
 * student's run must reach.
 */
import { useMemo, useState } from 'react'
import { formFromMeasure, MEASURE_CHOICES, measureFromForm, measureValue, LessonCheckError, type LessonStep, type MeasureForm, type Question } from '../../../engine/lessons'

type Kind = Question['kind'] | 'none'
const METRICS = ['trainLoss', 'trainAccuracy', 'valLoss', 'valAccuracy'] as const

const num = (text: string): number => (text.trim() === '' ? NaN : Number(text.replace(',', '.')))

function blank(kind: Kind, step: LessonStep): Question | undefined {
  const prompt = step.question?.prompt ?? ''
  if (kind === 'number') return { kind, prompt, measure: { quantity: 'loss' }, tolerance: 0.0005 }
  if (kind === 'choice') return { kind, prompt, options: ['', ''], answer: 0 }
  if (kind === 'target') return { kind, prompt, metric: 'valAccuracy', atLeast: 0.9 }
  return undefined
}

/** The engine's number for the measure on the step's network, or why there is none. */
function EngineAnswer({ step, question }: { step: LessonStep; question: Extract<Question, { kind: 'number' }> }) {
  const answer = useMemo(() => {
    try {
      return { value: measureValue(step.project, question.measure) }
    } catch (e) {
      if (e instanceof LessonCheckError || e instanceof RangeError) return { problem: e.message }
      throw e
    }
  }, [step.project, question.measure])
  return 'value' in answer ? (
    <p className="teacher-engine" data-testid="teacher-engine-answer" data-value={answer.value}>
      The engine computes {answer.value}.
    </p>
  ) : (
    <p className="field-problem" data-testid="teacher-engine-answer" role="alert">
      {answer.problem}
    </p>
  )
}

function MeasureFields({ step, question, onChange }: { step: LessonStep; question: Extract<Question, { kind: 'number' }>; onChange: (q: Question) => void }) {
  const [form, setForm] = useState<MeasureForm>(() => formFromMeasure(question.measure, step.project.nodes.find((n) => n.kind === 'dense')?.id ?? ''))
  const [problem, setProblem] = useState<string | null>(null)
  const fields = MEASURE_CHOICES.find((c) => c.quantity === form.quantity)?.fields ?? []
  const update = (patch: Partial<MeasureForm>) => {
    const next = { ...form, ...patch }
    setForm(next)
    const built = measureFromForm(next)
    setProblem(built.ok ? null : built.message)
    if (built.ok) onChange({ ...question, measure: built.measure })
  }
  const numberField = (key: 'unit' | 'input' | 'example' | 'updates' | 'epochs', label: string) => (
    <label key={key}>
      {label} <input type="number" min={0} data-testid={`teacher-measure-${key}`} value={form[key]} onChange={(e) => update({ [key]: Math.max(0, Math.trunc(num(e.target.value) || 0)) })} />
    </label>
  )
  return (
    <div className="teacher-measure">
      <label>
        Quantity{' '}
        <select data-testid="teacher-measure-quantity" value={form.quantity} onChange={(e) => update({ quantity: e.target.value as MeasureForm['quantity'] })}>
          {MEASURE_CHOICES.map((c) => (
            <option key={c.quantity} value={c.quantity} title={c.description}>
              {c.quantity}
            </option>
          ))}
        </select>
      </label>
      {fields.includes('node') && (
        <label>
          Node{' '}
          <select data-testid="teacher-measure-node" value={form.node} onChange={(e) => update({ node: e.target.value })}>
            {step.project.nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.id} ({n.kind})
              </option>
            ))}
          </select>
        </label>
      )}
      {fields.includes('unit') && numberField('unit', 'Unit (from 0)')}
      {fields.includes('input') && numberField('input', 'Input (from 0)')}
      {fields.includes('example') && numberField('example', 'Data row (from 0)')}
      {fields.includes('after') && (
        <>
          {numberField('updates', 'After updates')}
          {numberField('epochs', 'then epochs')}
          <label>
            <input type="checkbox" data-testid="teacher-measure-toEnd" checked={form.toEnd} onChange={(e) => update({ toEnd: e.target.checked })} /> then to the end of the run
          </label>
        </>
      )}
      <label>
        Right within ±{' '}
        <input type="text" inputMode="decimal" data-testid="teacher-tolerance" defaultValue={question.tolerance} onChange={(e) => num(e.target.value) > 0 && onChange({ ...question, tolerance: num(e.target.value) })} />
      </label>
      {problem ? <p className="field-problem">{problem}</p> : <EngineAnswer step={step} question={question} />}
    </div>
  )
}

function ChoiceFields({ question, onChange }: { question: Extract<Question, { kind: 'choice' }>; onChange: (q: Question) => void }) {
  const [text, setText] = useState(question.options.join('\n'))
  const setOptions = (value: string) => {
    setText(value)
    const options = value.split('\n').map((o) => o.trim()).filter((o) => o !== '')
    onChange({ ...question, options, answer: Math.min(question.answer, Math.max(0, options.length - 1)) })
  }
  return (
    <>
      <label className="teacher-block">
        Options, one a line
        <textarea rows={4} data-testid="teacher-options" value={text} onChange={(e) => setOptions(e.target.value)} />
      </label>
      <label>
        Right option{' '}
        <select data-testid="teacher-answer" value={question.answer} onChange={(e) => onChange({ ...question, answer: Number(e.target.value) })}>
          {question.options.map((o, i) => (
            <option key={i} value={i}>
              {i + 1}. {o}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}

function TargetFields({ question, onChange }: { question: Extract<Question, { kind: 'target' }>; onChange: (q: Question) => void }) {
  const bound = question.atLeast !== undefined ? 'atLeast' : 'atMost'
  const value = question.atLeast ?? question.atMost ?? 0
  const set = (b: 'atLeast' | 'atMost', v: number) => onChange({ kind: 'target', prompt: question.prompt, metric: question.metric, [b]: v, ...(question.explanation ? { explanation: question.explanation } : {}) })
  return (
    <div className="teacher-measure">
      <select data-testid="teacher-metric" value={question.metric} onChange={(e) => onChange({ ...question, metric: e.target.value as (typeof METRICS)[number] })}>
        {METRICS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <select data-testid="teacher-bound" value={bound} onChange={(e) => set(e.target.value as 'atLeast' | 'atMost', value)}>
        <option value="atLeast">at least</option>
        <option value="atMost">at most</option>
      </select>
      <input type="text" inputMode="decimal" data-testid="teacher-target-value" defaultValue={value} onChange={(e) => Number.isFinite(num(e.target.value)) && set(bound, num(e.target.value))} />
    </div>
  )
}

export function QuestionEditor({ step, onChange }: { step: LessonStep; onChange: (q: Question | undefined) => void }) {
  const q = step.question
  const kind: Kind = q?.kind ?? 'none'
  return (
    <section className="teacher-question" data-testid="teacher-question">
      <label>
        Question{' '}
        <select data-testid="teacher-question-kind" value={kind} onChange={(e) => onChange(blank(e.target.value as Kind, step))}>
          <option value="none">none</option>
          <option value="number">a number to predict (checked by the engine)</option>
          <option value="choice">a choice</option>
          <option value="target">a target to reach by training</option>
        </select>
      </label>
      {q && (
        <>
          <label className="teacher-block">
            Prompt <input type="text" data-testid="teacher-question-prompt" value={q.prompt} onChange={(e) => onChange({ ...q, prompt: e.target.value })} />
          </label>
          {q.kind === 'number' && <MeasureFields key={q.kind} step={step} question={q} onChange={onChange} />}
          {q.kind === 'choice' && <ChoiceFields question={q} onChange={onChange} />}
          {q.kind === 'target' && <TargetFields question={q} onChange={onChange} />}
          <label className="teacher-block">
            Explanation (shown once answered right) <input type="text" data-testid="teacher-explanation" value={q.explanation ?? ''} onChange={(e) => onChange({ ...q, explanation: e.target.value || undefined })} />
          </label>
        </>
      )}
    </section>
  )
}
