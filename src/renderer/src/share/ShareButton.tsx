/** The toolbar's Share button: the network's link, to copy and hand out (Playground-style). */
import { useEffect, useRef, useState } from 'react'
import { useDialogFocus } from '../panels/useDialogFocus'
import { currentShareLink, followShareLinkHistory, openShareFromLocation, type ShareLink } from './shareLinks'

/**
 * Opens a link in the page's URL once the last session is recovered, and links pasted into this
 * tab later (Back then returns to the network the tab had before).
 */
export function useShareLinks(): void {
  useEffect(() => {
    openShareFromLocation()
    const onHashChange = () => openShareFromLocation(true)
    window.addEventListener('hashchange', onHashChange)
    const stopFollowing = followShareLinkHistory()
    return () => {
      window.removeEventListener('hashchange', onHashChange)
      stopFollowing()
    }
  }, [])
}

/** Which app opens the link, and how the other build opens it. */
function whereItOpens(forDesktop: boolean): string {
  return forDesktop
    ? 'This axon-studio:// link opens in the Axon Studio desktop app on a computer where it is installed. In Axon Studio in a browser, paste it into “Open link…”.'
    : 'This link opens Axon Studio in a browser at this address. In the Axon Studio desktop app, paste it into “Open link…”.'
}

/** The link, its size and what travels in it, or why there is none (with the link without the data when that fits). */
function LinkBody({ link, copied }: { link: ShareLink; copied: boolean }) {
  if (!link.ok) {
    return (
      <>
        <p className="share-problem" role="alert" data-testid="share-problem">
          {link.message}
        </p>
        {link.withoutData && (
          <>
            <p>Or hand out the network without its data: whoever opens this link chooses the data file themselves.</p>
            <textarea readOnly value={link.withoutData} data-testid="share-url-without-data" rows={3} onFocus={(e) => e.currentTarget.select()} />
          </>
        )}
      </>
    )
  }
  return (
    <>
      <p>Whoever opens this link gets this network with its settings and data (sweeps and run history stay here).</p>
      {link.data && (
        <p className={link.data.carried ? undefined : 'share-problem'} data-testid="share-data">
          {link.data.text}
        </p>
      )}
      <textarea readOnly value={link.url} data-testid="share-url" rows={4} onFocus={(e) => e.currentTarget.select()} />
      <p className="muted" data-testid="share-size">
        {link.url.length.toLocaleString('en-US')} characters{copied ? ' · copied' : ''}
      </p>
      <p className="muted" data-testid="share-where">
        {whereItOpens(link.forDesktop)}
      </p>
    </>
  )
}

export function ShareButton() {
  const [link, setLink] = useState<ShareLink | null>(null)
  const [copied, setCopied] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  // Focus into the dialog (so Escape and Tab work there too when it only says what went wrong), and back after.
  useDialogFocus(box, link !== null)
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
      <button type="button" data-testid="cmd-share" onClick={() => void currentShareLink().then(setLink, (e: unknown) => setLink({ ok: false, message: `No link could be made: ${e instanceof Error ? e.message : String(e)}` }))} title="A link that opens this network, its settings and its data (typed-in, built-in, or a small data file) in Axon Studio">
        Share
      </button>
      {link && (
        <div className="modal-backdrop" onClick={close} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <div ref={box} className="share-dialog" role="dialog" aria-modal="true" aria-label="Share link" data-testid="share-dialog" onClick={(e) => e.stopPropagation()}>
            <h2>Share link</h2>
            <LinkBody link={link} copied={copied} />
            <div className="share-actions">
              {link.ok && (
                <button type="button" className="primary" data-testid="share-copy" onClick={() => void copy(link.url)}>
                  Copy link
                </button>
              )}
              {!link.ok && link.withoutData && (
                <button type="button" data-testid="share-copy-without-data" onClick={() => void copy(link.withoutData!)}>
                  {copied ? 'Copied' : 'Copy link without the data'}
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
