/**
 * A lesson step's text: a small Markdown (paragraphs, # headings, - and 1. lists, **bold**,
 * *italic*, `code`) with TeX formulas in $…$ and $$…$$, typeset as MathML by Temml (no fonts or
 * CSS to ship; Chromium draws MathML). Text becomes React elements, never HTML, so a lesson file
 * cannot inject markup; only Temml's MathML output (TeX commands that make links or HTML are off
 * by default) is set as HTML.
 */
import { memo, type ReactNode } from 'react'
import temml from 'temml'

function Math({ tex, display }: { tex: string; display: boolean }) {
  const html = temml.renderToString(tex, { displayMode: display, throwOnError: false, trust: false })
  return <span className={display ? 'lesson-math-block' : 'lesson-math'} dangerouslySetInnerHTML={{ __html: html }} />
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
    else if (m[2] !== undefined) out.push(<Math key={k} tex={m[2]} display={false} />)
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
    if (i % 2 === 1) return out.push(<Math key={`m${i}`} tex={part.trim()} display />)
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
