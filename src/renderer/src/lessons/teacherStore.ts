/**
 * Teacher mode: a lesson being written in the app. Each step is a recorded canvas (a copy of the
 * project as it is when the teacher records it) with its text, locks and question. Selecting a
 * step puts its network on the canvas; the teacher edits it there and records it again. Preview
 * plays the draft in the student's player (progress not kept); leaving the preview comes back here.
 */
import { create } from 'zustand'
import { lessonDraftFile, lessonIdFrom, type Lesson, type LessonProblem, type LessonStep } from '../../../engine/lessons'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { useLesson } from './lessonStore'

export interface TeacherState {
  active: boolean
  draft: Lesson
  /** The step being edited (its network is the one recorded), −1 before the first. */
  selected: number
  problems: LessonProblem[]
  /** Opens teacher mode on a new draft, or on a copy of `lesson` to change. */
  start(lesson?: Lesson): void
  close(): void
  setMeta(meta: Partial<Pick<Lesson, 'title' | 'description' | 'source'>>): void
  /** Adds the canvas as a new step after the selected one, with the selected step's locks. */
  record(): void
  /** Replaces the selected step's network with the canvas. */
  rerecord(): void
  select(index: number): void
  updateStep(patch: Partial<LessonStep>): void
  removeStep(): void
  /** The draft as a lesson (the first step's network is the lesson's), or its problems. */
  build(): { ok: true; lesson: Lesson; text: string } | { ok: false }
  preview(): void
}

const emptyDraft = (): Lesson => ({ id: 'my-lesson', title: '', project: useDocument.getState().project, steps: [] })
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export const useTeacher = create<TeacherState>()((set, get) => {
  const setSteps = (steps: LessonStep[], selected = get().selected) => set({ draft: { ...get().draft, steps }, selected, problems: [] })
  return {
    active: false,
    draft: emptyDraft(),
    selected: -1,
    problems: [],
    start(lesson) {
      if (useLesson.getState().lesson) useLesson.getState().exit()
      useUi.getState().setGalleryOpen(false)
      set({ active: true, draft: lesson ? copy(lesson) : emptyDraft(), selected: -1, problems: [] })
      if (lesson) get().select(0)
    },
    close() {
      set({ active: false, problems: [] })
    },
    setMeta(meta) {
      const draft = { ...get().draft, ...meta }
      set({ draft: { ...draft, id: lessonIdFrom(draft.title) }, problems: [] })
    },
    record() {
      const { draft, selected } = get()
      const lock = selected >= 0 ? copy(draft.steps[selected].lock) : {}
      const step: LessonStep = { title: `Step ${draft.steps.length + 1}`, text: '', project: copy(useDocument.getState().project), lock }
      const steps = [...draft.steps]
      steps.splice(selected + 1, 0, step)
      setSteps(steps, selected + 1)
    },
    rerecord() {
      const { draft, selected } = get()
      if (selected < 0) return
      setSteps(draft.steps.map((s, i) => (i === selected ? { ...s, project: copy(useDocument.getState().project) } : s)))
    },
    select(index) {
      const step = get().draft.steps[index]
      if (!step) return
      set({ selected: index, problems: [] })
      useDocument.getState().load(copy(step.project))
    },
    updateStep(patch) {
      const { draft, selected } = get()
      if (selected < 0) return
      setSteps(draft.steps.map((s, i) => (i === selected ? { ...s, ...patch } : s)))
    },
    removeStep() {
      const { draft, selected } = get()
      if (selected < 0) return
      setSteps(
        draft.steps.filter((_, i) => i !== selected),
        Math.min(selected, draft.steps.length - 2),
      )
    },
    build() {
      const { draft } = get()
      const lesson: Lesson = { ...draft, title: draft.title.trim() || 'Untitled lesson', project: draft.steps[0]?.project ?? draft.project }
      const file = lessonDraftFile(lesson)
      if (!file.ok) {
        set({ problems: file.errors })
        return { ok: false }
      }
      set({ problems: [] })
      return { ok: true, lesson, text: file.text }
    },
    preview() {
      const built = get().build()
      if (built.ok) useLesson.getState().start(built.lesson, Math.max(0, get().selected), { preview: true })
    },
  }
})

// Leaving the preview puts the step being edited back on the canvas.
useLesson.subscribe((s, prev) => {
  const teacher = useTeacher.getState()
  if (prev.preview && !s.lesson && teacher.active && teacher.selected >= 0) useDocument.getState().load(copy(teacher.draft.steps[teacher.selected].project))
})
