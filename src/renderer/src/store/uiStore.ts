/**
 * UI state that is never saved with the project: selection, measured node sizes, theme,
 * open dialogs and the one-line notice. (Training state lives in its own store, issue 5.)
 */
import { create } from 'zustand'

export type Theme = 'light' | 'dark'

export interface Notice {
  kind: 'info' | 'error'
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

  select(nodes: string[], edges?: string[]): void
  setNodeSize(id: string, size: { width: number; height: number }): void
  setTheme(theme: Theme): void
  setGalleryOpen(open: boolean): void
  setCardOpen(open: boolean): void
  notify(notice: Notice | null): void
  setSideTab(tab: UiState['sideTab']): void
}

const THEME_KEY = 'axon:theme'

function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem(THEME_KEY)
    if (saved === 'light' || saved === 'dark') return saved
    return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
  } catch {
    return 'light'
  }
}

export const useUi = create<UiState>()((set) => ({
  selectedNodes: [],
  selectedEdges: [],
  nodeSizes: {},
  theme: initialTheme(),
  galleryOpen: false,
  cardOpen: false,
  notice: null,
  sideTab: 'inspector',

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
}))
