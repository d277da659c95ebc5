/**
 * The lesson player: the step's text, its question (checked against the engine, a key, or the
 * student's run), the way between steps, and the student's progress file.
 */
import { useEffect, useRef, useState } from 'react'
import type { Lesson, Question } from '../../../engine/lessons'
import { useTraining } from '../training/trainingStore'
import { saveJsonText, kebabName } from '../files/saveText'
import { useLesson } from './lessonStore'
import { useUi } from '../store/uiStore'
import { useTeacher } from './teacherStore'
import { LessonText } from './LessonText'
import { lessonComplete, progressFileText } from './progress'
import './lessons.css'

type Feedback = { correct: boolean; message: string } | null

/** The latest epoch of the student's run, as a target question reads it. */
function runMetrics() {
  const last = useTraining.getState().curves.epochs.at(-1)
  if (!last) return {}
  return { trainLoss: last.loss, trainAccuracy: last.accuracy, valLoss: last.valLoss, valAccuracy: last.valAccuracy }
}

function QuestionBox({ question, stepIndex }: { question: Question; stepIndex: number }) {
  const [text, setText] = useState('')
  const [choice, setChoice] = useState<number | null>(null)
  const [feedback, setFeedback] = useState<Feedback>(null)
  const feedbackBox = useRef<HTMLDivElement>(null)
  // The answer's verdict may land below a short lesson column (1024 × 768): bring it into view.
  useEffect(() => {
    feedbackBox.current?.scrollIntoView({ block: 'nearest' })
  }, [feedback])
  const previous = useLesson((s) => (s.lesson ? s.progress.lessons[s.lesson.id]?.answers[stepIndex]?.at(-1) : undefined))
  const check = () => {
    const answer = question.kind === 'number' ? { number: text.trim() === '' ? undefined : Number(text.replace(',', '.')) } : question.kind === 'choice' ? { choice: choice ?? undefined } : { run: runMetrics() }
    const { record, message } = useLesson.getState().answer(answer)
    setFeedback({ correct: record.correct, message })
  }
  return (
    <section className="lesson-question" data-testid="lesson-question" data-kind={question.kind}>
      <p className="lesson-prompt">{question.prompt}</p>
      {question.kind === 'number' && (
        <input type="text" inputMode="decimal" data-testid="lesson-answer" value={text} placeholder="your prediction" onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && check()} />
      )}
      {question.kind === 'choice' && (
        <div className="lesson-options" role="radiogroup">
          {question.options.map((o, i) => (
            <label key={i}>
              <input type="radio" name={`q${stepIndex}`} data-testid={`lesson-option-${i}`} checked={choice === i} onChange={() => setChoice(i)} /> {o}
            </label>
          ))}
        </div>
      )}
      <button type="button" className="lesson-check" data-testid="lesson-check" onClick={check} disabled={question.kind === 'choice' && choice === null}>
        {question.kind === 'target' ? 'Check my run' : 'Check'}
      </button>
      {feedback && (
        <div ref={feedbackBox} className={`lesson-feedback ${feedback.correct ? 'is-right' : 'is-wrong'}`} data-testid="lesson-feedback" data-correct={feedback.correct} role="status">
          {feedback.message}
          {feedback.correct && question.explanation && <p className="lesson-explanation">{question.explanation}</p>}
        </div>
      )}
      {!feedback && previous && (
        <p className="muted lesson-previous" data-testid="lesson-previous">
          Last time: {previous.given} — {previous.correct ? 'right' : 'not right'}.
        </p>
      )}
    </section>
  )
}

function ProgressFooter() {
  const lesson = useLesson((s) => s.lesson)!
  const student = useLesson((s) => s.progress.student)
  const questionSteps = lesson.steps.flatMap((s, i) => (s.question ? [i] : []))
  const done = useLesson((s) => lessonComplete(s.progress.lessons[lesson.id], questionSteps))
  const exportProgress = () => {
    const text = progressFileText(useLesson.getState().progress, lesson.id, questionSteps, new Date())
    void saveJsonText(text, `${kebabName(student, 'student')}-${lesson.id}.progress.json`, 'Lesson progress')
  }
  return (
    <footer className="lesson-progress">
      <label>
        Your name <input type="text" data-testid="lesson-student" value={student} onChange={(e) => useLesson.getState().setStudent(e.target.value)} />
      </label>
      <button type="button" data-testid="lesson-export" onClick={exportProgress} title="Save every answer of this lesson as a file to hand in">
        Export progress
      </button>
      {done && <span className="lesson-done" data-testid="lesson-done">All questions answered right ✓</span>}
    </footer>
  )
}

/** The lesson's title and source, with Edit (a copy in teacher mode) and × (leave) or ◀ Edit (back from a preview). */
function LessonHead({ lesson, preview }: { lesson: Lesson; preview: boolean }) {
  return (
    <header className="lesson-head">
      <div className="lesson-title-block">
        <strong title={lesson.title}>{lesson.title}</strong>
        {lesson.source && <div className="muted lesson-source">{lesson.source}</div>}
        {preview && (
          <div className="lesson-preview-note" data-testid="lesson-preview">
            Preview as a student: answers are not kept.
          </div>
        )}
      </div>
      <div className="lesson-head-actions">
        {!preview && (
          <button type="button" className="link-button lesson-edit" data-testid="lesson-edit" title="Open a copy of this lesson in teacher mode, to change it and save it as your own file" onClick={() => useTeacher.getState().start(lesson)}>
            Edit
          </button>
        )}
        {preview ? (
          <button type="button" data-testid="lesson-exit" title="Back to teacher mode" onClick={() => useLesson.getState().exit()}>
            ◀ Edit
          </button>
        ) : (
          <button type="button" className="icon-button" data-testid="lesson-exit" aria-label="Leave the lesson" title="Leave the lesson (your progress is kept)" onClick={() => useLesson.getState().exit()}>
            ×
          </button>
        )}
      </div>
    </header>
  )
}

export function LessonPanel() {
  const lesson = useLesson((s) => s.lesson)
  const index = useLesson((s) => s.step)
  const answers = useLesson((s) => (s.lesson ? s.progress.lessons[s.lesson.id]?.answers : undefined))
  const preview = useLesson((s) => s.preview)
  const stepTitle = useRef<HTMLHeadingElement>(null)
  const lessonId = lesson?.id
  // A lesson opened (from the gallery, whose Examples button the lesson may hide) takes the focus:
  // the keyboard's next Tab goes to the step's question, not back to the top of the page.
  useEffect(() => {
    if (lessonId) stepTitle.current?.focus({ preventScroll: true })
  }, [lessonId])
  // Another step starts at its title, not where the last one was scrolled to (its answer).
  const panel = useRef<HTMLElement>(null)
  useEffect(() => {
    panel.current?.scrollTo({ top: 0 })
    panel.current?.querySelector('.lesson-body')?.scrollTo({ top: 0 })
  }, [lessonId, index])
  // The step's number in view where the row of numbers scrolls sideways (presenting, a narrow column).
  const presenting = useUi((s) => s.presenting)
  useEffect(() => {
    const numbers = panel.current?.querySelector<HTMLElement>('.lesson-steps')
    const current = numbers?.querySelector<HTMLElement>('[aria-current="true"]')
    if (numbers && current) numbers.scrollLeft = Math.max(0, current.offsetLeft - numbers.offsetLeft - (numbers.clientWidth - current.offsetWidth) / 2)
  }, [lessonId, index, presenting])
  if (!lesson) return null
  const step = lesson.steps[index]
  const go = (i: number) => useLesson.getState().goTo(i)
  return (
    <aside ref={panel} className="lesson-panel" data-testid="lesson-panel" data-lesson={lesson.id} data-step={index}>
      <LessonHead lesson={lesson} preview={preview} />
      <nav className="lesson-steps" aria-label="Steps">
        {lesson.steps.map((s, i) => {
          const last = answers?.[i]?.at(-1)
          return (
            <button key={i} type="button" className={`${i === index ? 'is-current' : ''} ${last?.correct ? 'is-done' : ''}`} data-testid={`lesson-step-${i}`} title={s.title} aria-current={i === index} onClick={() => go(i)}>
              {last?.correct ? '✓' : i + 1}
            </button>
          )
        })}
      </nav>
      <div className="lesson-body">
        <h3 data-testid="lesson-step-title" ref={stepTitle} tabIndex={-1}>
          {index + 1}. {step.title}
        </h3>
        <LessonText text={step.text} />
        {step.question && <QuestionBox key={`${lesson.id}-${index}`} question={step.question} stepIndex={index} />}
      </div>
      <div className="lesson-nav">
        <button type="button" data-testid="lesson-prev" disabled={index === 0} onClick={() => go(index - 1)}>
          ◀ Back
        </button>
        <span className="muted">
          Step {index + 1} of {lesson.steps.length}
        </span>
        <button type="button" data-testid="lesson-next" disabled={index === lesson.steps.length - 1} onClick={() => go(index + 1)}>
          Next ▶
        </button>
      </div>
      <ProgressFooter />
    </aside>
  )
}
