import { describe, expect, it } from 'vitest'
import { formFromMeasure, lessonDraftFile, lessonIdFrom, MEASURE_CHOICES, measureFromForm, type MeasureForm } from './authoring'
import { measureSchema } from './format'
import { createNode, type Project } from '../project'

const form = (patch: Partial<MeasureForm>): MeasureForm => ({ quantity: 'weight', node: 'hidden', unit: 0, input: 1, example: 2, updates: 0, epochs: 0, toEnd: false, ...patch })

describe('teacher mode’s measures', () => {
  it('offers every quantity of the schema but descent, each with the fields the schema gives it', () => {
    expect(MEASURE_CHOICES.map((c) => c.quantity).sort()).toEqual(measureSchema.options.map((o) => o.shape.quantity.value).filter((q) => q !== 'descent').sort())
    expect(MEASURE_CHOICES.find((c) => c.quantity === 'weight')!.fields).toEqual(['node', 'unit', 'input', 'after'])
    expect(MEASURE_CHOICES.find((c) => c.quantity === 'epochs')!.fields).toEqual([])
  })
  it('builds the measure from a form, taking only the quantity’s own fields', () => {
    expect(measureFromForm(form({}))).toEqual({ ok: true, measure: { quantity: 'weight', node: 'hidden', unit: 0, input: 1 } })
    expect(measureFromForm(form({ quantity: 'loss', updates: 3, toEnd: true }))).toEqual({ ok: true, measure: { quantity: 'loss', after: { updates: 3, toEnd: true } } })
    expect(measureFromForm(form({ quantity: 'output', epochs: 20000 }))).toMatchObject({ ok: false, message: expect.stringContaining('after.epochs') })
  })
  it('a measure goes to its form and back unchanged', () => {
    const m = { quantity: 'gradient' as const, node: 'out', unit: 1, input: 0, example: 3, after: { epochs: 2 } }
    expect(measureFromForm(formFromMeasure(m, 'x'))).toEqual({ ok: true, measure: m })
  })
  it('names the file after the title', () => {
    expect(lessonIdFrom('Backprop: one step on w₅!')).toBe('backprop-one-step-on-w5')
    expect(lessonIdFrom('Ωμέγα')).toBe('my-lesson')
  })
  it('a draft without steps, or with a broken question, says what and where', () => {
    const project = { format: 'axon-studio/project', version: 1, meta: { title: 't' }, seed: 1, precision: 'float64', data: { kind: 'inline', inputs: [[0]], targets: [[0]] }, nodes: [createNode('input', 'input', { x: 0, y: 0 })], edges: [] } as unknown as Project
    expect(lessonDraftFile({ id: 'a', title: 'A', project, steps: [] })).toEqual({ ok: false, errors: [{ path: '$.steps', message: expect.stringContaining('record the canvas') }] })
    const broken = lessonDraftFile({ id: 'a', title: 'A', project, steps: [{ title: 'S', text: '', project, lock: { nodes: ['gone'] } }] })
    expect(broken).toMatchObject({ ok: false, errors: [{ path: '$.steps[0].lock.nodes[0]' }] })
    const fine = lessonDraftFile({ id: 'a', title: 'A', project, steps: [{ title: 'S', text: 'hi', project, lock: { nodes: ['input'] } }] })
    expect(fine.ok && JSON.parse(fine.text).steps[0]).toEqual({ title: 'S', text: 'hi', lock: { nodes: ['input'] } })
  })
})
