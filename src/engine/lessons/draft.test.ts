/**
 * A lesson being written, read back from the copy teacher mode keeps: every unfinished state the
 * editor can leave it in opens again; a damaged copy is refused with its first problem and path.
 */
import { describe, expect, it } from 'vitest'
import { createNode, parseProject, type Project } from '../project'
import { parseLessonDraft } from './draft'
import type { Lesson } from './parse'

const raw = { format: 'axon-studio/project', version: 1, meta: { title: 't' }, seed: 1, precision: 'float64', data: { kind: 'inline', inputs: [[0]], targets: [[0]] }, nodes: [createNode('input', 'input', { x: 0, y: 0 })], edges: [] }
/** A network as the app holds it (the parser's defaults filled in). */
const project = ((parsed) => (parsed.ok ? parsed.project : ({} as Project)))(parseProject(JSON.stringify(raw)))

/** A draft as teacher mode keeps it (JSON, as written to storage). */
const kept = (lesson: Lesson): unknown => JSON.parse(JSON.stringify(lesson))
const draft = (steps: Lesson['steps']): Lesson => ({ id: 'my-lesson', title: '', project, steps })

describe('parseLessonDraft', () => {
  it('opens a draft in every unfinished state the editor leaves it in', () => {
    const unfinished = draft([
      { title: '', text: '', project, lock: {} },
      { title: 'Which?', text: 'Pick one', project, lock: { nodes: ['input'], hide: ['palette'] }, question: { kind: 'choice', prompt: '', options: ['only one so far'], answer: 0 } },
      { title: 'Predict', text: '', project, lock: {}, question: { kind: 'number', prompt: 'w?', measure: { quantity: 'loss' }, tolerance: 0.0005 } },
    ])
    const parsed = parseLessonDraft(kept(unfinished))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(kept(parsed.lesson)).toEqual(kept(unfinished))
    expect(parseLessonDraft(kept(draft([])))).toMatchObject({ ok: true, lesson: { steps: [] } })
  })

  it.each([
    ['a step without its locks', (d: Record<string, any>) => (d.steps[0].lock = null), '$.steps[0].lock'],
    ['a step whose text is not text', (d: Record<string, any>) => (d.steps[0].text = 42), '$.steps[0].text'],
    ['a question of no kind the editor knows', (d: Record<string, any>) => (d.steps[0].question = { kind: 'essay', prompt: '' }), '$.steps[0].question.kind'],
    ['a choice whose options are not a list', (d: Record<string, any>) => (d.steps[0].question = { kind: 'choice', prompt: '', options: 'a\nb', answer: 0 }), '$.steps[0].question.options'],
    ['a step network that no longer opens', (d: Record<string, any>) => (d.steps[0].project.nodes = 'none'), '$.steps[0].project.nodes'],
    ['a lesson network that no longer opens', (d: Record<string, any>) => delete d.project.format, '$.project.format'],
    ['steps that are not a list', (d: Record<string, any>) => (d.steps = {}), '$.steps'],
  ])('refuses %s, saying where', (_what, damage, path) => {
    const value = kept(draft([{ title: 'S', text: '', project, lock: {} }])) as Record<string, any>
    damage(value)
    const parsed = parseLessonDraft(value)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.problem.path).toBe(path)
      expect(parsed.problem.message.length).toBeGreaterThan(5)
    }
  })

  it('refuses what is no draft at all', () => {
    expect(parseLessonDraft(null)).toMatchObject({ ok: false, problem: { path: '$' } })
    expect(parseLessonDraft('lesson')).toMatchObject({ ok: false, problem: { path: '$' } })
  })
})
