/**
 * "Open link…" (in the toolbar's More menu): paste a share link from either build
 * (`https://…#share=…` from a browser, `axon-studio://open#share=…` from the desktop app) and
 * open its network. Both builds have it, so a link always opens, whichever app made it.
 */
import { useState } from 'react'
import { openPastedLink } from './shareLinks'

export function OpenLinkDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    const r = await openPastedLink(text)
    if (r.ok) onClose()
    else setProblem(r.message)
  }
  return (
    <div className="modal-backdrop" onClick={onClose} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="share-dialog" role="dialog" aria-modal="true" aria-label="Open a share link" data-testid="open-link-dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Open a share link</h2>
        <p>Paste a link made with Share, by Axon Studio in a browser (https://…#share=…) or by the desktop app (axon-studio://…).</p>
        <textarea value={text} data-testid="open-link-text" rows={4} autoFocus placeholder="https://…#share=v1.…" onChange={(e) => setText(e.target.value)} />
        {problem && (
          <p className="share-problem" role="alert" data-testid="open-link-problem">
            {problem}
          </p>
        )}
        <div className="share-actions">
          <button type="button" className="primary" data-testid="open-link-open" disabled={text.trim() === ''} onClick={() => void submit()}>
            Open
          </button>
          <button type="button" data-testid="open-link-close" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
