/**
 * UI state of the Experiments window (never saved with the project): whether it is open and
 * which of its tabs shows. Tabs: runs (the run history), sweeps, and the optimizer playground (1-D and 2-D).
 */
import { create } from 'zustand'

export type ExperimentsTab = 'runs' | 'sweeps' | 'playground1d' | 'playground2d'

export interface ExperimentsUi {
  open: boolean
  tab: ExperimentsTab
}

export const useExperimentsUi = create<ExperimentsUi>()(() => ({ open: false, tab: 'playground1d' }))

export const experimentsUi = {
  show: (tab?: ExperimentsTab) => useExperimentsUi.setState((s) => ({ open: true, tab: tab ?? s.tab })),
  close: () => useExperimentsUi.setState({ open: false }),
  setTab: (tab: ExperimentsTab) => useExperimentsUi.setState({ tab }),
}
