import { useDocument } from '../store/documentStore'
import { dataShapeOf } from '../graph/shapes'
import { plural } from '../plural'

/** Shown in the inspector when nothing is selected: the project's title, notes and totals. */
export function ProjectInfo() {
  const meta = useDocument((s) => s.project.meta)
  const shapes = useDocument((s) => s.shapes)
  const project = useDocument((s) => s.project)
  const dataShape = useDocument((s) => s.dataShape)
  const shape = dataShapeOf(project, dataShape)
  const set = useDocument.getState().setMeta
  return (
    <>
      <h2>Project</h2>
      <label className="field-label stacked">
        <span>Title</span>
        <input type="text" data-testid="project-title" value={meta.title} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label className="field-label stacked">
        <span>Notes</span>
        <textarea rows={5} value={meta.description} onChange={(e) => set({ description: e.target.value })} placeholder="What this network shows, what to look for." />
      </label>
      <dl className="project-facts">
        <dt>Nodes</dt>
        <dd>{project.nodes.length}</dd>
        <dt>Parameters</dt>
        <dd data-testid="total-params">
          {shapes.totalParams.toLocaleString('en-US')}
          {shapes.totalIncomplete ? '+' : ''}
        </dd>
        <dt>Data</dt>
        <dd>
          {shape ? `${plural(shape.inputSize, 'input')} → ${plural(shape.targetSize, 'target')}` : 'not loaded'}
          {project.data.kind === 'inline' ? ` · ${plural(project.data.inputs.length, 'example')}` : ''}
        </dd>
        <dt>Seed</dt>
        <dd>{project.seed}</dd>
      </dl>
      <p className="muted">Select a node to edit its settings. Shift-drag to select several.</p>
    </>
  )
}
