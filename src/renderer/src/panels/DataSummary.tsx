import { useDocument } from '../store/documentStore'
import { dataShapeOf } from '../graph/shapes'
import { DataOpenButton } from '../data/DataPanel'
import { dataSourceName } from '../data/dataName'

/**
 * The project's data in one line (what the Input reads and what the Loss compares against).
 * Loading other data is the data panel's job (DataPanel.tsx).
 */
export function DataSummary() {
  const data = useDocument((s) => s.project.data)
  const loaded = useDocument((s) => s.dataShape)
  const project = useDocument((s) => s.project)
  const shape = dataShapeOf(project, loaded)
  const what = dataSourceName(data)
  return (
    <div className="data-summary" data-testid="data-summary" title="Inputs feed the Input node; targets are what the Loss compares the output with.">
      <div>{what}</div>
      <div className="muted">
        inputs {shape?.inputSize ?? '?'} · targets {shape?.targetSize ?? '?'}
      </div>
      <DataOpenButton />
    </div>
  )
}
