/**
 * The lessons section of the gallery: the shipped lessons (`resources/lessons/*.axon-lesson.json`,
 * bundled at build time) and a lesson file from disk. A file that does not parse says what and
 * where, here where the teacher or student is looking.
 */
import { useRef, useState } from 'react'
import { parseLesson, type Lesson } from '../../../engine/lessons'
import { confirmLeave } from '../commands'
import { forgetFileHandle } from '../files/projectFiles'
import { useUi } from '../store/uiStore'
import { useLesson } from './lessonStore'
import { useTeacher } from './teacherStore'

const files = import.meta.glob('../../../../resources/lessons/*.axon-lesson.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>

/** The shipped lessons that parse, in lecture order (a broken file is logged, not shown). */
export const SHIPPED_LESSONS: Lesson[] = Object.values(files)
  .map((text) => {
    const parsed = parseLesson(text)
    if (!parsed.ok) console.error('A shipped lesson does not parse:', parsed.errors)
    return parsed.ok ? parsed.lesson : null
  })
  .filter((l): l is Lesson => l !== null)
  .sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || ORDER.indexOf(a.id) - ORDER.indexOf(b.id))

const ORDER = ['perceptron-rule', 'backprop-by-hand']

export function startLesson(lesson: Lesson): void {
  if (!confirmLeave()) return
  forgetFileHandle()
  useLesson.getState().start(lesson)
  // As an example opened: a notice about the network it replaced (a recovered session's "Start fresh") goes with it.
  useUi.getState().notify(null)
}

export function LessonList() {
  const input = useRef<HTMLInputElement>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const progress = useLesson((s) => s.progress.lessons)
  const openFile = async (file: File) => {
    const parsed = parseLesson(await file.text())
    if (!parsed.ok) return setProblem(`${file.name} is not a lesson Axon Studio can open: ${parsed.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('; ')}`)
    setProblem(null)
    startLesson(parsed.lesson)
  }
  return (
    <section className="lesson-list" data-testid="lesson-list">
      <h3>Lessons</h3>
      <div className="gallery-grid">
        {SHIPPED_LESSONS.map((l) => {
          const p = progress[l.id]
          return (
            <button key={l.id} type="button" className="gallery-card" data-testid={`lesson-${l.id}`} onClick={() => startLesson(l)}>
              <span className="gallery-arch">
                {l.steps.length} steps{p ? ` · at step ${p.step + 1}` : ''}
              </span>
              <strong>{l.title}</strong>
              {l.source && <span className="gallery-source">{l.source}</span>}
              {l.description && <span className="gallery-text">{l.description}</span>}
            </button>
          )
        })}
      </div>
      <p>
        <button type="button" data-testid="lesson-open-file" onClick={() => input.current?.click()}>
          Open a lesson file…
        </button>
        <button type="button" data-testid="lesson-teach" title="Teacher mode: record canvases as steps, write their text, lock what the student may not change, set questions" onClick={() => useTeacher.getState().start()}>
          Write a lesson…
        </button>
        <input ref={input} type="file" accept=".json,application/json" hidden data-testid="lesson-file-input" onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])} />
      </p>
      {problem && (
        <p className="field-problem" role="alert" data-testid="lesson-open-problem">
          {problem}
        </p>
      )}
    </section>
  )
}
