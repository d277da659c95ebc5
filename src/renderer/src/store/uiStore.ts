/**
 * UI state that is never saved with the project: selection, measured node sizes, theme,
 * which panels are open, open dialogs and the one-line notice. (Training state lives in its own store, `training/trainingStore`.)
 */
import { create } from 'zustand'
import { VIEW_IDS, type ViewId } from '../../../engine/views/registry'

export type Theme = 'light' | 'dark'

export interface Notice {
  kind: 'info' | 'error'
  text: string
  /** A button beside the text (e.g. "Start fresh" after a recovered session). */
  action?: { label: string; run: () => void }
  /** A second button (e.g. "Open it" beside "Start fresh": work autosaved in another tab). */
  otherAction?: { label: string; run: () => void }
}

/** A wire the canvas refused, explained at the node where it was dropped (`side`: its input or output handle). */
export interface Refusal {
  nodeId: string
  side: 'in' | 'out'
  text: string
}

/** Live views presentation mode can show beside the canvas (the teacher picks which): every view of the registry. */
export type PresentView = ViewId

/** Interface zoom steps (Ctrl + / − / 0): the toolbar, panels and dialogs; the canvas has its own zoom. */
export const UI_ZOOM_STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const

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
  /** The right-hand panel: the inspector, or the training views. */
  sideTab: 'inspector' | 'training'
  /** Whether the palette (left) and the side panel (right) are shown; remembered on this machine, not in the project. */
  paletteOpen: boolean
  sidePanelOpen: boolean
  /** The example card shows only its title (its explanation folded away). */
  cardFolded: boolean
  /** The last refused wire's reason, shown at its node until the next click or drag. */
  refusal: Refusal | null
  /** The step-through's current stage, highlighted on the canvas (stage-by-stage mode), else null. */
  stepFocus: { nodeId: string; text: string; phase: string } | null
  /** The keyboard-shortcut sheet (? or F1). */
  shortcutsOpen: boolean
  /** Presentation mode (P): no palette or inspector, larger text, the canvas beside the picked live views. */
  presenting: boolean
  presentViews: PresentView[]
  /** Interface zoom factor (one of UI_ZOOM_STEPS); remembered on this machine. */
  uiZoom: number
  /**
   * A window too narrow for the panels beside the canvas (`isCompact`): the palette and the side
   * panel are rails, and open as drawers over the canvas, one at a time (`drawer`, never remembered).
   */
  compact: boolean
  drawer: 'palette' | 'side' | null
  setCompact(compact: boolean): void

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
  /** Counts requests to fit the network in view; the canvas fits on each (`canvas/useAutoFit.ts`). */
  fitRequests: number
  requestFit(): void
  /** The nodes the canvas brings into view next, most important first (blocks added by palette clicks), numbered so the same can be asked again. */
  revealRequest: { nodeIds: string[]; serial: number } | null
  revealNodes(nodeIds: string[]): void
  setShortcutsOpen(open: boolean): void
  setStepFocus(focus: UiState['stepFocus']): void
  setPresenting(on: boolean): void
  togglePresentView(view: PresentView): void
  /** One step larger (+1) or smaller (−1), or back to 100 % (0). */
  zoomUi(step: -1 | 0 | 1): void
}

const THEME_KEY = 'axon:theme'
const PRESENT_KEY = 'axon:present-views'
const ZOOM_KEY = 'axon:ui-zoom'

/** A value remembered on this machine (never in the project), or `fallback`. */
function remembered<T>(key: string, valid: (v: unknown) => v is T, fallback: T): T {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null')
    return valid(v) ? v : fallback
  } catch {
    return fallback
  }
}

function remember(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value))
  } catch {
    // Private mode: not remembered.
  }
}

const isViews = (v: unknown): v is PresentView[] => Array.isArray(v) && v.every((x) => VIEW_IDS.includes(x as PresentView))
const isZoom = (v: unknown): v is number => (UI_ZOOM_STEPS as readonly unknown[]).includes(v)
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

/** The state at start-up: nothing selected, the theme, panels, present views and zoom as last left. */
function initialUi() {
  return {
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
    shortcutsOpen: false,
    stepFocus: null,
    fitRequests: 0,
    revealRequest: null,
    presenting: false,
    presentViews: remembered(PRESENT_KEY, isViews, ['curves', 'boundary', 'codes']),
    uiZoom: remembered(ZOOM_KEY, isZoom, 1),
    compact: false,
    drawer: null,
  } satisfies Partial<UiState>
}

export const useUi = create<UiState>()((set, get) => ({
  ...initialUi(),

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
  // In a compact window they open or close the drawer, and the wide window's choice is kept as it was.
  setPaletteOpen(paletteOpen) {
    if (get().compact) return set({ drawer: paletteOpen ? 'palette' : get().drawer === 'palette' ? null : get().drawer })
    set({ paletteOpen })
    rememberPanels({ paletteOpen, sidePanelOpen: get().sidePanelOpen })
  },
  setSidePanelOpen(sidePanelOpen) {
    if (get().compact) return set({ drawer: sidePanelOpen ? 'side' : get().drawer === 'side' ? null : get().drawer })
    set({ sidePanelOpen })
    rememberPanels({ paletteOpen: get().paletteOpen, sidePanelOpen })
  },
  setCompact(compact) {
    if (compact !== get().compact) set({ compact })
  },
  setCardFolded(cardFolded) {
    set({ cardFolded })
  },
  setShortcutsOpen(shortcutsOpen) {
    set({ shortcutsOpen })
  },
  setStepFocus(stepFocus) {
    set({ stepFocus })
  },
  setPresenting(presenting) {
    // The example's explanation folds to its title while presenting: the network gets the room.
    set(presenting ? { presenting, cardFolded: true } : { presenting })
  },
  togglePresentView(view) {
    const views = get().presentViews
    const next = views.includes(view) ? views.filter((v) => v !== view) : VIEW_IDS.filter((v) => v === view || views.includes(v))
    remember(PRESENT_KEY, next)
    set({ presentViews: next })
  },
  zoomUi(step) {
    const i = UI_ZOOM_STEPS.indexOf(get().uiZoom as (typeof UI_ZOOM_STEPS)[number])
    const next = step === 0 ? 1 : UI_ZOOM_STEPS[Math.max(0, Math.min(UI_ZOOM_STEPS.length - 1, (i < 0 ? 2 : i) + step))]
    remember(ZOOM_KEY, next)
    set({ uiZoom: next })
  },
  requestFit() {
    set({ fitRequests: get().fitRequests + 1 })
  },
  revealNodes(nodeIds) {
    set({ revealRequest: { nodeIds, serial: (get().revealRequest?.serial ?? 0) + 1 } })
  },
  setRefusal(refusal) {
    if (refusal !== get().refusal) set({ refusal })
  },
}))

/** The narrowest interface, in its own pixels (the window's width over the interface zoom), that keeps the panels beside the canvas. */
export const COMPACT_BELOW = 800

/**
 * Whether a window `width` CSS pixels wide at interface zoom `uiZoom` is compact. At 683 px (a
 * 1024 × 768 projector with the browser at 150 %) the panels left the canvas 246 px, the network at
 * 0.21 zoom; so did 1024 px with the interface at 150 %.
 */
export function isCompact(width: number, uiZoom: number): boolean {
  return width < COMPACT_BELOW * uiZoom
}

/** Whether the palette is shown: as a drawer in a compact window, else as a column. */
export const selectPaletteShown = (s: UiState) => (s.compact ? s.drawer === 'palette' : s.paletteOpen)

/** Whether the side panel (inspector, training) is shown: as a drawer in a compact window, else as a column. */
export const selectSidePanelShown = (s: UiState) => (s.compact ? s.drawer === 'side' : s.sidePanelOpen)
