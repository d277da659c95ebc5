/**
 * Where a display formula may wrap. MathML has no line breaking in Chromium, so a lesson's worked
 * numbers (Mazur's net_o1 = w5·out_h1 + … = 0.4 · 0.593269992 + …, 544 px) ran out of a 200 px
 * lesson column at a projector's 1024 × 768. The formula is cut into statements after its
 * top-level commas and quads, each statement into clauses before its relations (=, ≈, ←, ≤ …),
 * each clause into terms before its binary + and −, and each term into factors before its · and ×.
 * Each factor is typeset on its own and the browser wraps them as words, at the outermost cut that
 * makes the line fit: a statement wider than the column wraps between its clauses, a clause between
 * its terms, a term between its factors. Nothing inside braces, parentheses, \left…\right or an
 * environment is ever cut.
 */

/** Statements, of clauses, of terms, of factors: each factor TeX that typesets on its own. */
export type FormulaPieces = string[][][][]

const RELATIONS = new Set(['=', '<', '>', '\\approx', '\\leftarrow', '\\gets', '\\to', '\\rightarrow', '\\Rightarrow', '\\mapsto', '\\le', '\\leq', '\\ge', '\\geq', '\\sim', '\\ne', '\\neq', '\\equiv', '\\in', '\\subset', '\\subseteq', '≈', '←', '→', '≤', '≥'])
/** Spacing that separates statements, as a comma does. */
const QUADS = new Set(['\\quad', '\\qquad'])
const SPACES = new Set([...QUADS, '\\;', '\\,', '\\:', '\\ ', '\\!'])
const PRODUCTS = new Set(['\\cdot', '\\times'])
/** Operators a piece may start with: typeset alone, they need something before them to stay binary. */
const OPERATORS = new Set(['+', '-', '\\pm', '\\mp', ...PRODUCTS, ...RELATIONS])
/** After these a + or − is a sign (or, after ^ and _, an index), not a binary operator. */
const OPENERS = new Set(['(', '[', ',', '^', '_', ...OPERATORS])

/** TeX's tokens: a control word or symbol, a space run, or one character. */
const TOKENS = /\\[A-Za-z]+|\\.|\s+|[\s\S]/gu

/** Before which tokens the formula may be cut, and how deep: 4 a statement … 1 a factor, 0 no cut. */
const STATEMENT = 4
const CLAUSE = 3
const TERM = 2
const FACTOR = 1

/** The cut before each token, or null for a formula that places its own lines (\\ or & at the top). */
function cuts(list: string[]): number[] | null {
  const levels = list.map(() => 0)
  let depth = 0
  let parens = 0
  let previous = '' // the last token that was not a space, at depth 0
  let afterComma = false
  for (let i = 0; i < list.length; i++) {
    const t = list[i]
    if (t === '{' || t === '\\left' || t === '\\begin') depth++
    else if (t === '}' || t === '\\right' || t === '\\end') depth--
    else if (depth === 0 && (t === '(' || t === '[')) parens++
    else if (depth === 0 && (t === ')' || t === ']')) parens = Math.max(0, parens - 1)
    if (depth === 0 && (t === '\\\\' || t === '&')) return null
    const top = depth === 0 && parens === 0 && i > 0
    const space = SPACES.has(t) || !t.trim()
    // Spacing after a comma stays with the statement it ends (at a line's end it shows as nothing).
    if (afterComma && !space) levels[i] = STATEMENT
    else if (top && RELATIONS.has(t)) levels[i] = CLAUSE
    else if (top && (t === '+' || t === '-') && !OPENERS.has(previous)) levels[i] = TERM
    else if (top && PRODUCTS.has(t)) levels[i] = FACTOR
    if (afterComma && !space) afterComma = false
    if (top && (t === ',' || QUADS.has(t))) afterComma = true
    if (depth === 0 && t.trim()) previous = t
  }
  return levels
}

/** The tokens cut at `level` and, inside each part, at the levels below it. */
function nest(list: string[], levels: number[], level: number): unknown[] {
  const parts: Array<{ list: string[]; levels: number[] }> = [{ list: [], levels: [] }]
  list.forEach((t, i) => {
    if (levels[i] >= level && parts.at(-1)!.list.some((s) => s.trim())) parts.push({ list: [], levels: [] })
    parts.at(-1)!.list.push(t)
    parts.at(-1)!.levels.push(levels[i])
  })
  return parts.map((p) => (level === FACTOR ? p.list.join('') : nest(p.list, p.levels, level - 1)))
}

export function formulaPieces(tex: string): FormulaPieces {
  const list = tex.match(TOKENS) ?? []
  const levels = cuts(list)
  return levels ? (nest(list, levels, STATEMENT) as FormulaPieces) : [[[[tex]]]]
}

/**
 * A piece as TeX that typesets alone as it did in the whole: display style, and an operator it
 * starts with kept binary ({}+: spaced as in a + b, not as a sign).
 */
export function pieceTex(piece: string): string {
  const body = piece.trim()
  return `\\displaystyle ${OPERATORS.has(body.match(TOKENS)?.[0] ?? '') ? '{}' : ''}${body}`
}
