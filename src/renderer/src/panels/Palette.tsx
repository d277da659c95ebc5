import type { DragEvent } from 'react'
import { ACTIVATIONS, LOSSES, NODE_KINDS, NODE_KIND_IDS, OPTIMIZERS, type NodeKind } from '../../../engine/project'
import { PALETTE_MIME } from '../canvas/nodeTypes'
import type { PalettePayload } from '../canvas/flowHandlers'
import type { PaletteGroup } from '../graph/summary'
import { useDocument } from '../store/documentStore'
import { selectPaletteShown, useUi } from '../store/uiStore'
import { DataSummary } from './DataSummary'

interface PaletteItem {
  /** `palette-<testId>` */
  testId: string
  label: string
  description: string
  kind: NodeKind
  preset?: Record<string, unknown>
}

const item = (kind: NodeKind): PaletteItem => ({ testId: kind, label: NODE_KINDS[kind].label, description: NODE_KINDS[kind].description, kind })

/** Every activation, loss and optimizer the engine has, from the registries. */
export const PALETTE: { group: PaletteGroup; title: string; items: PaletteItem[] }[] = [
  { group: 'data', title: 'Data', items: NODE_KIND_IDS.filter((kind) => NODE_KINDS[kind].group === 'data').map(item) },
  { group: 'layers', title: 'Layers', items: NODE_KIND_IDS.filter((kind) => NODE_KINDS[kind].group === 'layers').map(item) },
  {
    group: 'activations',
    title: 'Activations',
    items: Object.entries(ACTIVATIONS).map(([id, o]) => ({ testId: `activation-${id}`, label: o.label, description: o.description, kind: 'activation', preset: { activation: id } })),
  },
  {
    group: 'losses',
    title: 'Losses',
    items: Object.entries(LOSSES).map(([id, o]) => ({ testId: `loss-${id}`, label: o.label, description: o.description, kind: 'loss', preset: { loss: id } })),
  },
  {
    group: 'optimizers',
    title: 'Optimizers',
    items: Object.entries(OPTIMIZERS).map(([id, o]) => ({ testId: `optimizer-${id}`, label: o.label, description: o.description, kind: 'optimizer', preset: { optimizer: id } })),
  },
]

function onDragStart(event: DragEvent, it: PaletteItem): void {
  const payload: PalettePayload = { kind: it.kind, preset: it.preset }
  event.dataTransfer.setData(PALETTE_MIME, JSON.stringify(payload))
  event.dataTransfer.effectAllowed = 'copy'
}

/** The blocks added by palette clicks in a row, each after the one before, oldest first, led by the node the first was added after. */
let addedInARow: string[] = []

/**
 * Click (or Enter): add after the selected node, wired to it when that link is allowed, and show
 * it. It lands right of the chain, which may be past the canvas's edge: the canvas brings it into
 * view with the blocks added before it in a row and the node they hang from, as many as fit at a
 * readable zoom, newest first. A teacher building a chain by clicks sees what they built and the
 * wire each block came with, not only the last block at the canvas's edge.
 */
function addByClick(it: PaletteItem): void {
  const selected = useUi.getState().selectedNodes
  const after = selected.length === 1 ? selected[0] : null
  const id = useDocument.getState().appendNode(it.kind, after, it.preset)
  useUi.getState().select([id])
  addedInARow = after === null ? [id] : addedInARow.at(-1) === after ? [...addedInARow, id] : [after, id]
  useUi.getState().revealNodes([...addedInARow].reverse())
}

/** The palette: drag a block onto the canvas, or click it (or press Enter) to add it. */
export function Palette() {
  const open = useUi(selectPaletteShown)
  // Folded, the blocks stay mounted (hidden): the data panel's button lives in their data summary.
  return (
    <aside className={`palette${open ? '' : ' is-collapsed'}`} data-testid="palette" aria-label="Palette">
      {open ? (
        <button type="button" className="panel-hide" data-testid="palette-toggle" aria-expanded={true} onClick={() => useUi.getState().setPaletteOpen(false)} title="Hide the palette to give the canvas more room ([)" aria-label="Hide the palette">
          «
        </button>
      ) : (
        <button type="button" className="panel-rail" data-testid="palette-toggle" aria-expanded={false} onClick={() => useUi.getState().setPaletteOpen(true)} title="Show the palette ([)">
          <span aria-hidden="true">»</span> Blocks
        </button>
      )}
      <div className="palette-blocks" hidden={!open}>
        {PALETTE.map((g) => (
          <section key={g.group} className={`palette-group group-${g.group}`}>
            <h2>{g.title}</h2>
            {g.group === 'data' && <DataSummary />}
            <div className="palette-items">
              {g.items.map((it) => (
                <button
                  key={it.testId}
                  type="button"
                  className="palette-item"
                  data-testid={`palette-${it.testId}`}
                  draggable
                  onDragStart={(e) => onDragStart(e, it)}
                  onClick={() => addByClick(it)}
                  title={`${it.description}\nDrag onto the canvas, or click to add.`}
                >
                  {it.label}
                </button>
              ))}
            </div>
          </section>
        ))}
      </div>
    </aside>
  )
}
