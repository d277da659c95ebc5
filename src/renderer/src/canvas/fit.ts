import type { FitViewOptions } from '@xyflow/react'
import { layoutPerRow, NODE_WIDTH } from '../graph/edit'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import type { RevealArea } from './reveal'

/** Margins around a fitted network, in screen pixels: clear of the controls, problems bar and minimap. */
export const MARGIN = { top: 48, bottom: 130, left: 28, right: 28 }
/** Never zoom in past this when fitting (a 2-node net would fill the screen); presentation mode allows more. */
const maxFitZoom = () => (useUi.getState().presenting ? 2 : 1.25)
/** Zoom at which node text (17 px titles, 12 px details) still reads on a projector. */
export const READABLE_ZOOM = 0.8

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The network's bounding box in canvas pixels (measured sizes where React Flow has them). */
function graphBounds(): Box | null {
  const nodes = useDocument.getState().project.nodes
  if (nodes.length === 0) return null
  const sizes = useUi.getState().nodeSizes
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const n of nodes) {
    const size = sizes[n.id] ?? { width: NODE_WIDTH, height: 90 }
    x0 = Math.min(x0, n.position.x)
    y0 = Math.min(y0, n.position.y)
    x1 = Math.max(x1, n.position.x + size.width)
    y1 = Math.max(y1, n.position.y + size.height)
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/** The canvas element's size in screen pixels (0 × 0 before it is laid out). */
export function canvasSize(): { width: number; height: number } {
  const el = document.querySelector('.canvas')
  return el ? { width: el.clientWidth, height: el.clientHeight } : { width: 0, height: 0 }
}

/**
 * Fit-view options that keep the network clear of what floats over the canvas (the example card
 * and the "Nodes show" toggle at the top, the problems bar and minimap at the bottom), and never
 * zoom in past a readable size. The network goes below the card or beside it, whichever shows it
 * larger.
 */
export function fitOptions(duration = 0): FitViewOptions {
  const top = topPanelBoxes()
  // The step-through docked over the canvas (stage by stage) covers part of it.
  const open = clearOfDialog(margins())
  let padding = open
  if (top) {
    const below = { ...open, top: Math.round(top.bottom) + 21 }
    const beside = { ...open, left: Math.round(top.card.right) + 25, top: Math.max(open.top, Math.round(top.othersBottom) + 12) }
    padding = fittedZoom(beside) > fittedZoom(below) ? beside : below
  }
  const px = (n: number): `${number}px` => `${n}px`
  return {
    padding: { top: px(padding.top), bottom: px(padding.bottom), left: px(padding.left), right: px(padding.right) },
    maxZoom: maxFitZoom(),
    minZoom: 0.2,
    duration,
  }
}

/**
 * The margins a fitted network keeps: clear of the zoom buttons and minimap, or, presenting, where
 * there are none, of the problems bar and the toggle at the top as they are (the card has its own). A lesson presented
 * at 683 × 512 left the network half its canvas's 232 px height, at the 0.2 zoom floor.
 */
function margins(): typeof MARGIN {
  if (!useUi.getState().presenting) return MARGIN
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect()
  if (!canvas) return MARGIN
  const bar = document.querySelector('.canvas-bottom')?.getBoundingClientRect()
  const tops = [...document.querySelectorAll('.canvas-top > :not(.example-card)')].map((el) => el.getBoundingClientRect().bottom - canvas.top)
  return {
    top: Math.round(Math.max(4, ...tops)) + 12,
    bottom: bar && bar.height > 0 ? Math.round(canvas.bottom - bar.top) + 12 : 16,
    left: 16,
    right: 16,
  }
}

/**
 * How far the step-through docked over the canvas (stage by stage) reaches into it, px: up from
 * its bottom where it docks there, in from its right where it docks at the side (a low window).
 */
function dockedCover(): { bottom: number; right: number } {
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect()
  const dialog = document.querySelector('.step-through-backdrop.is-docked .step-through')?.getBoundingClientRect()
  if (!canvas || !dialog || dialog.left >= canvas.right || dialog.top >= canvas.bottom) return { bottom: 0, right: 0 }
  // Docked at the bottom it spans the window from the palette's side; at the side it starts right of the canvas's left edge.
  const atSide = dialog.left > canvas.left
  return atSide ? { bottom: 0, right: canvas.right - dialog.left } : { bottom: canvas.bottom - dialog.top, right: 0 }
}

/**
 * How far a compact window's drawer (the palette or the side panel, open over the canvas) reaches
 * into it, px, from its left or its right.
 */
function drawerCover(): { left: number; right: number } {
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect()
  const drawer = document.querySelector('.app.compact > :is(.palette, .side-panel):not(.is-collapsed)')?.getBoundingClientRect()
  if (!canvas || !drawer || drawer.left >= canvas.right || drawer.right <= canvas.left) return { left: 0, right: 0 }
  return drawer.left <= canvas.left ? { left: drawer.right - canvas.left, right: 0 } : { left: 0, right: canvas.right - drawer.left }
}

/**
 * The margins `base` keeps, widened to keep clear of the docked step-through and of a drawer: the
 * network is never under them (a node the keyboard's Tab reached lay under the Training drawer).
 */
function clearOfDialog<M extends typeof MARGIN>(base: M): M {
  const cover = dockedCover()
  const drawer = drawerCover()
  return {
    ...base,
    bottom: Math.max(base.bottom, Math.round(cover.bottom) + 12),
    right: Math.max(base.right, Math.round(Math.max(cover.right, drawer.right)) + 12),
    left: Math.max(base.left, Math.round(drawer.left) + 12),
  }
}

/**
 * The canvas and the margins a node brought into view keeps clear of: the controls, problems bar
 * and minimap, the example card and toggle at the top (across the width: they may sit over the
 * node's column), the docked step-through.
 */
export function revealArea(): RevealArea {
  const top = topPanelBoxes()
  return { ...canvasSize(), margins: clearOfDialog({ ...margins(), top: Math.max(margins().top, top ? Math.round(top.bottom) + 12 : 0) }) }
}

/**
 * Where the top row of the canvas is taken, in pixels from the canvas's top-left corner: the
 * bottom of everything there, the example card's right edge, and the bottom of what is not the
 * card (the toggle beside it, or wrapped below it). Null without an example card.
 */
function topPanelBoxes(): { bottom: number; card: { right: number }; othersBottom: number } | null {
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect()
  const card = document.querySelector('.example-card')?.getBoundingClientRect()
  if (!canvas || !card) return null
  const others = [...document.querySelectorAll('.canvas-top > :not(.example-card)')].map((el) => el.getBoundingClientRect().bottom - canvas.top)
  const othersBottom = Math.max(0, ...others)
  return { bottom: Math.max(card.bottom - canvas.top, othersBottom), card: { right: card.right - canvas.left }, othersBottom }
}

/** The zoom at which the network fits the canvas inside these margins. */
function fittedZoom(m: typeof MARGIN): number {
  const bounds = graphBounds()
  const { width, height } = canvasSize()
  if (!bounds || width === 0) return 0
  return Math.min((width - m.left - m.right) / bounds.width, (height - m.top - m.bottom) / bounds.height, maxFitZoom())
}

/** Nodes per row for Tidy in the current canvas: one row when it reads, else two or more. */
export function tidyPerRow(count: number): number {
  const { width } = canvasSize()
  if (width === 0) return count
  return layoutPerRow(count, width - MARGIN.left - MARGIN.right, READABLE_ZOOM)
}

/**
 * True when the open example card leaves the network too small to read (below it or beside
 * it) and folding it to its title line would show the network larger.
 */
export function cardCrowdsNetwork(): boolean {
  const card = document.querySelector('.example-card')?.getBoundingClientRect()
  if (!card) return false
  const withCard = Math.max(fittedZoom({ ...MARGIN, top: Math.round(card.height) + 36 }), fittedZoom({ ...MARGIN, left: Math.round(card.width) + 40 }))
  const folded = fittedZoom({ ...MARGIN, top: FOLDED_CARD_HEIGHT + 36 })
  return withCard < READABLE_ZOOM && folded > withCard * 1.05
}

/** The folded example card (its title line), in screen pixels. */
const FOLDED_CARD_HEIGHT = 48

/** True when the example card or the toggle beside it lies over a node of the network. */
export function topPanelsCoverNetwork(): boolean {
  const panels = [...document.querySelectorAll('.canvas-top > *')].map((el) => el.getBoundingClientRect())
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
  return [...document.querySelectorAll('.react-flow__node')].some((node) => {
    const box = node.getBoundingClientRect()
    return panels.some((panel) => overlaps(box, panel))
  })
}
