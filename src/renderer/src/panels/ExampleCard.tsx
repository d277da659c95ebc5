import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'

/** The explanation card of an opened example: what it shows and what to look for. */
export function ExampleCard() {
  const meta = useDocument((s) => s.project.meta)
  const exampleId = useDocument((s) => s.exampleId)
  const open = useUi((s) => s.cardOpen)
  if (!open || !meta.description) return null
  return (
    <article className="example-card" data-testid="example-card" data-example={exampleId ?? ''}>
      <header>
        <h2>{meta.title}</h2>
        <button type="button" className="icon-button" aria-label="Close the explanation" onClick={() => useUi.getState().setCardOpen(false)}>
          ×
        </button>
      </header>
      {meta.source && <div className="example-source">{meta.source}</div>}
      <p>{meta.description}</p>
    </article>
  )
}
