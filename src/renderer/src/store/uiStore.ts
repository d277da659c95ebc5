/**
 * UI state that is never saved with the project: selection, measured node sizes, theme,
 * which panels are open, open dialogs and the one-line notice. (Training state lives in its own store, issue 5.)
 */
import { create } from 'zustand'

export type Theme = 'light' | 'dark'

export interface Notice {
  kind: 'info' | 'error'
  text: string
}

/** A wire the canvas refused, explained at the node where it was dropped (`side`: its input or output handle). */
export interface Refusal {
  nodeId: string
  side: 'in' | 'out'
  text: string
}

export interface UiState {
  selectedNodes: string[]
  selectedEdges: string[]
  /** Sizes React Flow measured, fed back into the nodes it is given. */
  nodeSizes: Record<string, { width: number; height: number }>
  theme: Theme
  galleryOpen: boolean
  /** The example explanation card on the canvas. */
  cardOpen: boolean
  notice: Notice | null
  /** The right-hand panel: the inspector, or the training views (issue 5). */
  sideTab: 'inspector' | 'training'
  /** Whether the palette (left) and the side panel (right) are shown; remembered on this machine, not in the project. */
  paletteOpen: boolean
  sidePanelOpen: boolean
  /** The example card shows only its title (its explanation folded away). */
  cardFolded: boolean
  /** The last refused wire's reason, shown at its node until the next click or drag. */
  refusal: Refusal | null

  select(nodes: string[], edges?: string[]): void
  setNodeSize(id: string, size: { width: number; height: number }): void
  setTheme(theme: Theme): void
  setGalleryOpen(open: boolean): void
  setCardOpen(open: boolean): void
  notify(notice: Notice | null): void
  setSideTab(tab: UiState['sideTab']): void
  setPaletteOpen(open: boolean): void
  setSidePanelOpen(open: boolean): void
  setCardFolded(folded: boolean): void
  setRefusal(refusal: Refusal | null): void
}

const THEME_KEY = 'axon:theme'
const PANELS_KEY = 'axon:panels'

interface Panels {
  paletteOpen: boolean
  sidePanelOpen: boolean
}

/** The panels' open state as last left on this machine (both open the first time). */
function initialPanels(): Panels {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(PANELS_KEY) ?? 'null') as Partial<Panels> | null
    return { paletteOpen: saved?.paletteOpen !== false, sidePanelOpen: saved?.sidePanelOpen !== false }
  } catch {
    return { paletteOpen: true, sidePanelOpen: true }
  }
}

function rememberPanels(panels: Panels): void {
  try {
    globalThis.localStorage?.setItem(PANELS_KEY, JSON.stringify(panels))
  } catch {
    // Private mode: the panels then open as they were on the next start.
  }
}

function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem(THEME_KEY)
    if (saved === 'light' || saved === 'dark') return saved
    return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
  } catch {
    return 'light'
  }
}

export const useUi = create<UiState>()((set, get) => ({
  selectedNodes: [],
  selectedEdges: [],
  nodeSizes: {},
  theme: initialTheme(),
  galleryOpen: false,
  cardOpen: false,
  notice: null,
  sideTab: 'inspector',
  ...initialPanels(),
  cardFolded: false,
  refusal: null,

  select(nodes, edges = []) {
    set({ selectedNodes: nodes, selectedEdges: edges })
  },
  setNodeSize(id, size) {
    set((s) => ({ nodeSizes: { ...s.nodeSizes, [id]: size } }))
  },
  setTheme(theme) {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme)
    } catch {
      // Private mode: the theme is then not remembered.
    }
    set({ theme })
  },
  setGalleryOpen(galleryOpen) {
    set({ galleryOpen })
  },
  setCardOpen(cardOpen) {
    set({ cardOpen })
  },
  notify(notice) {
    set({ notice })
  },
  setSideTab(sideTab) {
    set({ sideTab })
  },
  setPaletteOpen(paletteOpen) {
    set({ paletteOpen })
    rememberPanels({ paletteOpen, sidePanelOpen: get().sidePanelOpen })
  },
  setSidePanelOpen(sidePanelOpen) {
    set({ sidePanelOpen })
    rememberPanels({ paletteOpen: get().paletteOpen, sidePanelOpen })
  },
  setCardFolded(cardFolded) {
    set({ cardFolded })
  },
  setRefusal(refusal) {
    if (refusal !== get().refusal) set({ refusal })
  },
}))
