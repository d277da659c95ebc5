/**
 * A lesson step's text: a small Markdown (paragraphs, # headings, - and 1. lists, **bold**,
 * *italic*, `code`) with TeX formulas in $…$ and $$…$$, typeset as MathML by Temml (Chromium
 * draws MathML, in STIX Two Math and, for primes, Temml's small font: both ship with the app, lessons.css).
 * Text becomes React elements, never HTML, so a lesson file
 * cannot inject markup; only Temml's MathML output (TeX commands that make links or HTML are off
 * by default) is set as HTML.
 */
import { Fragment, memo, type ReactNode } from 'react'
import temml from 'temml'
import { formulaPieces, pieceTex } from './formulaPieces'

const typeset = (tex: string) => ({ __html: temml.renderToString(tex, { throwOnError: false, trust: false }) })

function Math({ tex }: { tex: string }) {
  return <span className="lesson-math" dangerouslySetInnerHTML={typeset(tex)} />
}

/** Pieces in a row, with a place to wrap between each two (`<wbr>`). */
function Wrapping<T>({ items, className, children }: { items: T[]; className: string; children: (item: T) => ReactNode }) {
  return (
    <span className={className}>
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {children(item)}
        </Fragment>
      ))}
    </span>
  )
}

/**
 * A display formula that wraps in a narrow column (`formulaPieces.ts`): its statements wrap as
 * words; one wider than the column wraps between its clauses, a clause between its terms, a term
 * between its factors.
 */
function DisplayMath({ tex }: { tex: string }) {
  return (
    <span className="lesson-math-block" data-tex={tex}>
      {/* A screen reader reads the formula whole, as one piece of math; the pieces are for the eye. */}
      <span className="lesson-math-whole" dangerouslySetInnerHTML={typeset(tex)} />
      <span aria-hidden="true">
        <WrappedPieces tex={tex} />
      </span>
    </span>
  )
}

function WrappedPieces({ tex }: { tex: string }) {
  return (
    <Wrapping items={formulaPieces(tex)} className="lesson-math-pieces">
      {(statement) => (
        <Wrapping items={statement} className="lesson-math-part">
          {(clause) => (
            <Wrapping items={clause} className="lesson-math-part">
              {(term) => (
                <Wrapping items={term} className="lesson-math-part">
                  {(factor) => <span className="lesson-math-factor" dangerouslySetInnerHTML={typeset(pieceTex(factor))} />}
                </Wrapping>
              )}
            </Wrapping>
          )}
        </Wrapping>
      )}
    </Wrapping>
  )
}

/** Inline marks: `code`, $math$, **bold**, *italic*. */
function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = []
  const pattern = /`([^`]+)`|\$([^$]+)\$|\*\*([^*]+)\*\*|\*([^*]+)\*/g
  let last = 0
  let m: RegExpExecArray | null
  while ((m = pattern.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index))
    const k = `${key}-${m.index}`
    if (m[1] !== undefined) out.push(<code key={k}>{m[1]}</code>)
    else if (m[2] !== undefined) out.push(<Math key={k} tex={m[2]} />)
    else if (m[3] !== undefined) out.push(<strong key={k}>{inline(m[3], k)}</strong>)
    else out.push(<em key={k}>{inline(m[4], k)}</em>)
    last = m.index + m[0].length
  }
  if (last < text.length) out.push(text.slice(last))
  return out
}

/** Splits the text into blocks: $$…$$ formulas (may span lines), then paragraphs separated by blank lines. */
function blocks(text: string): ReactNode[] {
  const out: ReactNode[] = []
  text.split(/\$\$([\s\S]+?)\$\$/).forEach((part, i) => {
    if (i % 2 === 1) return out.push(<DisplayMath key={`m${i}`} tex={part.trim()} />)
    part
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .forEach((p, j) => out.push(block(p, `${i}-${j}`)))
  })
  return out
}

function block(p: string, key: string): ReactNode {
  const lines = p.split('\n')
  const heading = /^(#{1,3})\s+(.*)$/.exec(p)
  if (heading && lines.length === 1) return <h4 key={key}>{inline(heading[2], key)}</h4>
  if (lines.every((l) => /^\s*[-*]\s+/.test(l))) return <ul key={key}>{lines.map((l, i) => <li key={i}>{inline(l.replace(/^\s*[-*]\s+/, ''), `${key}-${i}`)}</li>)}</ul>
  if (lines.every((l) => /^\s*\d+\.\s+/.test(l))) return <ol key={key}>{lines.map((l, i) => <li key={i}>{inline(l.replace(/^\s*\d+\.\s+/, ''), `${key}-${i}`)}</li>)}</ol>
  return <p key={key}>{inline(lines.join(' '), key)}</p>
}

export const LessonText = memo(function LessonText({ text }: { text: string }) {
  return <div className="lesson-text">{blocks(text)}</div>
})
