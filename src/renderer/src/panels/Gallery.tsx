import { useEffect, useRef } from 'react'
import { EXAMPLES } from '../graph/examples'
import { openExample } from '../commands'
import { useUi } from '../store/uiStore'
import type { Project } from '../../../engine/project'
import { LessonList } from '../lessons/LessonList'
import { useDialogFocus } from './useDialogFocus'

/** "2 → 2 → 2" from the chain of dense layers. */
function architecture(project: Project): string {
  const input = project.nodes.find((n) => n.kind === 'input')
  const sizes = [input && input.kind === 'input' ? String(input.params.size) : '?']
  for (const n of project.nodes) if (n.kind === 'dense') sizes.push(String(n.params.units))
  return sizes.join(' → ')
}

/** The examples gallery: every network of the lectures, with what it shows. */
export function Gallery() {
  const open = useUi((s) => s.galleryOpen)
  const box = useRef<HTMLDivElement>(null)
  useDialogFocus(box, open)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && useUi.getState().setGalleryOpen(false)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  if (!open) return null
  return (
    <div className="modal-backdrop" onClick={() => useUi.getState().setGalleryOpen(false)}>
      <div ref={box} className="gallery" role="dialog" aria-modal="true" aria-label="Examples" data-testid="gallery" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>Examples from the lectures</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={() => useUi.getState().setGalleryOpen(false)}>
            ×
          </button>
        </header>
        <div className="gallery-grid">
          {EXAMPLES.map((e) => (
            <button key={e.id} type="button" className="gallery-card" data-testid={`example-${e.id}`} onClick={() => openExample(e.id)}>
              <span className="gallery-arch">{architecture(e.project)}</span>
              <strong>{e.project.meta.title}</strong>
              {e.project.meta.source && <span className="gallery-source">{e.project.meta.source}</span>}
              <span className="gallery-text">{e.project.meta.description}</span>
            </button>
          ))}
        </div>
        <LessonList />
      </div>
    </div>
  )
}
