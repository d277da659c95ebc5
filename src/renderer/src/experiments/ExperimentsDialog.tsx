import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import './experiments.css'
import { experimentsUi, useExperimentsUi, type ExperimentsTab } from './experimentsStore'
import { Playground1d } from './Playground1d'
import { Playground2d } from './Playground2d'
import { SweepsTab } from './SweepsTab'
import { RunsTab } from './RunsTab'
import { useDialogFocus } from '../panels/useDialogFocus'

const TABS: { id: ExperimentsTab; label: string; title: string }[] = [
  { id: 'runs', label: 'Runs', title: 'Every training run of this network: compare two or more side by side, restore one’s network' },
  { id: 'sweeps', label: 'Sweeps', title: 'Train the network once per value of one or two settings and compare the runs' },
  { id: 'playground1d', label: 'Descent on f(x)', title: 'Gradient descent on a function you type (Assignment 6, Q1)' },
  { id: 'playground2d', label: 'Optimizers on a surface', title: 'SGD, momentum, Nesterov, AdaGrad, RMSProp and Adam side by side on 2-D error surfaces' },
]

/** The Experiments window: sweeps and the optimizer playground (1-D and 2-D), over the designer. */
export function ExperimentsDialog() {
  const open = useExperimentsUi((s) => s.open)
  const tab = useExperimentsUi((s) => s.tab)
  const box = useRef<HTMLDivElement>(null)
  useDialogFocus(box, open)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && experimentsUi.close()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  if (!open) return null
  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && experimentsUi.close()}>
      <div ref={box} className="experiments" role="dialog" aria-modal="true" aria-label="Experiments" data-testid="experiments">
        <header>
          <h2>Experiments</h2>
          <div className="tabs" role="tablist">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`experiments-tab-${t.id}`} title={t.title} onClick={() => experimentsUi.setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <button type="button" data-testid="experiments-close" onClick={experimentsUi.close} aria-label="Close">
            ✕
          </button>
        </header>
        {tab === 'runs' ? <RunsTab /> : tab === 'sweeps' ? <SweepsTab /> : tab === 'playground1d' ? <Playground1d /> : <Playground2d />}
      </div>
    </div>,
    document.body,
  )
}
