import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'

/** The explanation card of an opened example: what it shows and what to look for. */
export function ExampleCard() {
  const meta = useDocument((s) => s.project.meta)
  const exampleId = useDocument((s) => s.exampleId)
  const open = useUi((s) => s.cardOpen)
  const folded = useUi((s) => s.cardFolded)
  if (!open || !meta.description) return null
  return (
    <article className={`example-card${folded ? ' is-folded' : ''}`} data-testid="example-card" data-example={exampleId ?? ''}>
      <header>
        <h2>{meta.title}</h2>
        <button
          type="button"
          className="icon-button"
          data-testid="example-card-fold"
          aria-expanded={!folded}
          aria-label={folded ? 'Show the explanation' : 'Fold the explanation away'}
          title={folded ? 'Show the explanation' : 'Fold the explanation away (more room for the network)'}
          onClick={() => useUi.getState().setCardFolded(!folded)}
        >
          {folded ? '▾' : '▴'}
        </button>
        <button type="button" className="icon-button" data-testid="example-card-close" aria-label="Close the explanation" title="Close the explanation" onClick={() => useUi.getState().setCardOpen(false)}>
          ×
        </button>
      </header>
      {!folded && meta.source && <div className="example-source">{meta.source}</div>}
      {!folded && <p>{meta.description}</p>}
    </article>
  )
}
