/** The toolbar's Share button: the network's link, to copy and hand out (Playground-style). */
import { useEffect, useState } from 'react'
import { currentShareLink, openShareFromLocation, type ShareLink } from './shareLinks'

/** Opens a link in the page's URL once the last session is recovered, and links pasted into this tab later. */
export function useShareLinks(): void {
  useEffect(() => {
    openShareFromLocation()
    window.addEventListener('hashchange', openShareFromLocation)
    return () => window.removeEventListener('hashchange', openShareFromLocation)
  }, [])
}

export function ShareButton() {
  const [link, setLink] = useState<ShareLink | null>(null)
  const [copied, setCopied] = useState(false)
  const close = () => {
    setLink(null)
    setCopied(false)
  }
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      setCopied(false) // no clipboard permission: the text is selected for Ctrl+C instead
    }
  }
  return (
    <>
      <button type="button" data-testid="cmd-share" onClick={() => setLink(currentShareLink())} title="A link that opens this network, its settings and its data (typed-in or built-in) in Axon Studio">
        Share
      </button>
      {link && (
        <div className="modal-backdrop" onClick={close} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <div className="share-dialog" role="dialog" aria-modal="true" aria-label="Share link" data-testid="share-dialog" onClick={(e) => e.stopPropagation()}>
            <h2>Share link</h2>
            {link.ok ? (
              <>
                <p>Whoever opens this link gets this network with its settings and data (sweeps and run history stay here). Files you opened for data do not travel in a link.</p>
                <textarea readOnly value={link.url} data-testid="share-url" rows={4} onFocus={(e) => e.currentTarget.select()} autoFocus />
                <p className="muted" data-testid="share-size">{link.url.length.toLocaleString('en-US')} characters{copied ? ' · copied' : ''}</p>
              </>
            ) : (
              <p className="share-problem" role="alert" data-testid="share-problem">
                {link.message}
              </p>
            )}
            <div className="share-actions">
              {link.ok && (
                <button type="button" className="primary" data-testid="share-copy" onClick={() => void copy(link.url)}>
                  Copy link
                </button>
              )}
              <button type="button" data-testid="share-close" onClick={close}>
                Close
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  )
}
