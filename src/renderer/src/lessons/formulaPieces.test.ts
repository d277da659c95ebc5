import { describe, expect, it } from 'vitest'
import { formulaPieces, pieceTex } from './formulaPieces'

/** The pieces, trimmed, as statements of clauses of terms of factors. */
const pieces = (tex: string) => formulaPieces(tex).map((s) => s.map((c) => c.map((t) => t.map((f) => f.trim()))))

describe('formulaPieces', () => {
  it('cuts a worked number into clauses at its relations, terms before + and −, factors before · and ×', () => {
    // backprop-by-hand, step 2: 544 px in a 200 px column.
    expect(pieces('net_{o1} = w_5\\, out_{h1} + w_6\\, out_{h2} + b_2 = 0.4 \\cdot 0.593269992 + 0.45 \\cdot 0.596884378 + 0.6')).toEqual([
      [[['net_{o1}']], [['= w_5\\, out_{h1}'], ['+ w_6\\, out_{h2}'], ['+ b_2']], [['= 0.4', '\\cdot 0.593269992'], ['+ 0.45', '\\cdot 0.596884378'], ['+ 0.6']]],
    ])
  })

  it('ends a statement after a top-level comma or quad, the spacing after it kept with it, so a left side stays with its relation', () => {
    // momentum-adaptive, Adam: "v" had wrapped to the end of the line before "← β2 v + …".
    expect(pieces('m \\leftarrow \\beta_1 m, \\quad v \\leftarrow \\beta_2 v')).toEqual([
      [[['m']], [['\\leftarrow \\beta_1 m, \\quad']]],
      [[['v']], [['\\leftarrow \\beta_2 v']]],
    ])
    expect(pieces('\\Delta w = 0 \\qquad \\Delta b = \\pm\\eta')).toEqual([[[['\\Delta w']], [['= 0 \\qquad']]], [[['\\Delta b']], [['= \\pm\\eta']]]])
  })

  it('never cuts inside braces, parentheses, \\left…\\right or an environment', () => {
    expect(pieces('\\frac{a = b + c}{d} = \\left( x + y \\right) - (u - v, w)')).toEqual([[[['\\frac{a = b + c}{d}']], [['= \\left( x + y \\right)'], ['- (u - v, w)']]]])
    expect(pieces('y = \\begin{cases} 1 & a \\ge 0 \\\\ 0 & a < 0 \\end{cases}')).toEqual([[[['y']], [['= \\begin{cases} 1 & a \\ge 0 \\\\ 0 & a < 0 \\end{cases}']]]])
  })

  it('reads a sign after an opening, an operator, a relation, ^ or _ as a sign, not a place to cut', () => {
    expect(pieces('w^+ = 0.3 + (-0.0406 \\times 0.68) = -2.4 \\times 10^{-3} - -1')).toEqual([
      [[['w^+']], [['= 0.3'], ['+ (-0.0406 \\times 0.68)']], [['= -2.4', '\\times 10^{-3}'], ['- -1']]],
    ])
  })

  it('leaves a formula that places its own lines (\\\\ or & at the top) whole', () => {
    expect(formulaPieces('a &= b \\\\ &= c')).toEqual([[[['a &= b \\\\ &= c']]]])
  })

  it('keeps every character of the formula, in order', () => {
    const tex = 'm \\leftarrow \\beta_1 m + (1 - \\beta_1) g, \\quad v \\leftarrow \\beta_2 v + (1 - \\beta_2) g^2 \\cdot 3'
    expect(formulaPieces(tex).flat(3).join('')).toBe(tex)
  })
})

describe('pieceTex', () => {
  it('typesets a piece in display style, an operator it starts with kept binary', () => {
    expect(pieceTex(' + b_2 ')).toBe('\\displaystyle {}+ b_2')
    expect(pieceTex('\\cdot 0.59')).toBe('\\displaystyle {}\\cdot 0.59')
    expect(pieceTex('\\frac{1}{2}')).toBe('\\displaystyle \\frac{1}{2}')
  })
})
