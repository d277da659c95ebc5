import { describe, expect, it } from 'vitest'
import { createNode, type Project } from '../../../engine/project'
import { createEmptyProject } from './newProject'
import { copyElements, pasteClipboard } from './edit'

function row(n: number, y = 0): Project {
  const p = createEmptyProject()
  p.nodes = Array.from({ length: n }, (_, i) => createNode('dense', `dense-${i + 1}`, { x: i * 250, y }))
  return p
}

/** Whether two nodes' boxes (164 × 130 canvas px) intersect. */
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < 164 && Math.abs(a.y - b.y) < 130

describe('pasteClipboard never drops a node under another', () => {
  it.each([
    ['one node, pasted once', row(1), ['dense-1'], 1],
    ['one node of a row, pasted three times', row(4), ['dense-2'], 3],
    ['a node of a two-row layout', { ...row(3), nodes: [...row(3).nodes, ...row(3, 260).nodes.map((n, i) => ({ ...n, id: `dense-${i + 4}` }))] }, ['dense-1'], 2],
    ['two nodes together', row(3), ['dense-1', 'dense-2'], 2],
  ])('%s', (_, start, ids, times) => {
    let project = start as Project
    const clip = copyElements(project, ids)
    for (let k = 1; k <= times; k++) {
      const before = project.nodes
      const result = pasteClipboard(project, clip, { x: 40 * k, y: 40 * k })
      project = result.project
      const pasted = project.nodes.filter((n) => result.ids.includes(n.id))
      expect(pasted).toHaveLength(ids.length)
      for (const p of pasted) for (const n of before) expect(overlap(p.position, n.position), `${p.id} over ${n.id}`).toBe(false)
      // Still near the original: the same x shift, moved only downwards.
      expect(pasted[0].position.x).toBe(clip.nodes[0].position.x + 40 * k)
      expect(pasted[0].position.y).toBeGreaterThanOrEqual(clip.nodes[0].position.y + 40 * k)
    }
  })

  it('keeps the offset asked for when that spot is free', () => {
    const p = row(1)
    const { project } = pasteClipboard(p, copyElements(p, ['dense-1']), { x: 0, y: 300 })
    expect(project.nodes[1].position).toEqual({ x: 0, y: 300 })
  })
})
