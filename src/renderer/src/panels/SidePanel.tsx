import { useUi } from '../store/uiStore'
import { Inspector } from './Inspector'
import { TrainingPanel } from '../training/TrainingPanel'

/**
 * The right-hand panel: the inspector, and the training views (issue 5: `training/TrainingPanel`).
 */
export function SidePanel() {
  const tab = useUi((s) => s.sideTab)
  const setTab = useUi((s) => s.setSideTab)
  return (
    <aside className="side-panel" data-testid="side-panel">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'inspector'} data-testid="tab-inspector" onClick={() => setTab('inspector')}>
          Inspector
        </button>
        <button type="button" role="tab" aria-selected={tab === 'training'} data-testid="tab-training" onClick={() => setTab('training')}>
          Training
        </button>
      </div>
      <div className="side-panel-body">{tab === 'inspector' ? <Inspector /> : <TrainingPanel />}</div>
    </aside>
  )
}
