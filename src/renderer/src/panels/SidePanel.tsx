import { selectSidePanelShown, useUi } from '../store/uiStore'
import { Inspector } from './Inspector'
import { TrainingPanel } from '../training/TrainingPanel'

/**
 * The right-hand panel: the inspector, and the training views (`training/TrainingPanel`).
 * It folds to a narrow rail (button or `]`) so the canvas gets the room on a projector.
 */
export function SidePanel() {
  const tab = useUi((s) => s.sideTab)
  const setTab = useUi((s) => s.setSideTab)
  const open = useUi(selectSidePanelShown)
  if (!open) {
    return (
      <aside className="side-panel is-collapsed" data-testid="side-panel">
        <button type="button" className="panel-rail" data-testid="side-panel-toggle" aria-expanded={false} onClick={() => useUi.getState().setSidePanelOpen(true)} title="Show the inspector and training panel (])">
          <span aria-hidden="true">«</span> {tab === 'training' ? 'Training' : 'Inspector'}
        </button>
      </aside>
    )
  }
  return (
    <aside className="side-panel" data-testid="side-panel" data-tab={tab}>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'inspector'} data-testid="tab-inspector" onClick={() => setTab('inspector')}>
          Inspector
        </button>
        <button type="button" role="tab" aria-selected={tab === 'training'} data-testid="tab-training" onClick={() => setTab('training')}>
          Training
        </button>
        <button type="button" className="panel-hide" data-testid="side-panel-toggle" aria-expanded={true} onClick={() => useUi.getState().setSidePanelOpen(false)} title="Hide this panel to give the canvas more room (])" aria-label="Hide the side panel">
          »
        </button>
      </div>
      {/* Both tabs stay mounted (the other one hidden): switching is a style change, not the
          unmounting of one panel and the mounting of the other, charts and all, under the click.
          A hidden panel's live views are out of sight, so they neither redraw nor are computed.
          Each tab is its own scroller, so one opens where it was, not where the other was scrolled. */}
      <div className="side-panel-body">
        <div className="side-tab-body" hidden={tab !== 'inspector'}>
          <Inspector />
        </div>
        <div className="side-tab-body" hidden={tab !== 'training'}>
          <TrainingPanel />
        </div>
      </div>
    </aside>
  )
}
