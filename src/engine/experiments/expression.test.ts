import { describe, expect, it } from 'vitest'
import { compileExpression, ExpressionError } from './expression'

/** Central finite difference of f at x along variable i. */
function numericGradient(f: (p: number[]) => number, p: number[], i: number, h = 1e-6): number {
  const a = [...p]
  const b = [...p]
  a[i] += h
  b[i] -= h
  return (f(a) - f(b)) / (2 * h)
}

describe('compileExpression', () => {
  it('reads Assignment 6’s f(x) as typed in code or in the lecture, with its exact derivative', () => {
    const forms = ['x^4/4 - 3*x^3 + 7*x - 5', '0.25x^4 − 3x^3 + 7x − 5', '¼x⁴ − 3x³ + 7x − 5', '(1/4)*x^4-3 x^3+7x-5']
    for (const text of forms) {
      const f = compileExpression(text)
      for (const x of [-2, -0.5, 0, 1.5, 3]) {
        expect(f.value([x])).toBeCloseTo(x ** 4 / 4 - 3 * x ** 3 + 7 * x - 5, 12)
        expect(f.gradient([x])[0]).toBeCloseTo(x ** 3 - 9 * x ** 2 + 7, 12)
      }
    }
  })

  it('follows the usual precedence: −x^2 = −(x²), 2^3^2 = 2^9, a/b/c = (a/b)/c', () => {
    const v = (t: string, x = 3) => compileExpression(t).value([x])
    expect(v('-x^2')).toBe(-9)
    expect(v('2^3^2')).toBe(512)
    expect(v('12/2/3')).toBe(2)
    expect(v('2(x+1)')).toBe(8)
    expect(v('x^-1')).toBeCloseTo(1 / 3, 15)
    expect(v('1e-3x')).toBeCloseTo(0.003, 15)
    expect(v('2pi')).toBeCloseTo(2 * Math.PI, 15)
  })

  it('differentiates functions and two variables exactly (checked by finite differences)', () => {
    const f = compileExpression('sin(x)*exp(y) + sqrt(x^2 + y^2) + tanh(x y) - ln(1 + x^2) + abs(y)^1.5 + x^y', ['x', 'y'])
    for (const p of [[0.7, 1.3], [1.9, -0.4], [2.5, 0.2]]) {
      const g = f.gradient(p)
      for (const i of [0, 1]) expect(g[i]).toBeCloseTo(numericGradient(f.value, p, i), 6)
    }
  })

  it('refuses what it cannot read, saying where and what to write', () => {
    const problem = (text: string, variables?: string[]) => {
      try {
        compileExpression(text, variables)
      } catch (e) {
        expect(e).toBeInstanceOf(ExpressionError)
        return { message: (e as Error).message, position: (e as ExpressionError).position }
      }
      throw new Error(`"${text}" was accepted`)
    }
    expect(problem('')).toEqual({ message: 'Type a function, e.g. x^4/4 − 3x^3 + 7x − 5.', position: 0 })
    expect(problem('x + y')).toMatchObject({ message: expect.stringMatching(/^“y” is unknown: the variable is x;/), position: 4 })
    expect(problem('(x + 1')).toMatchObject({ message: 'A “(” is not closed: add “)”.', position: 6 })
    expect(problem('x + 1)')).toMatchObject({ message: 'There is a “)” without its “(”.', position: 5 })
    expect(problem('x +')).toMatchObject({ message: expect.stringMatching(/ends too early/), position: 3 })
    expect(problem('x * * 2')).toMatchObject({ message: '“*” needs a number or variable before it.', position: 4 })
    expect(problem('sin x')).toMatchObject({ message: 'sin needs its argument in parentheses: sin(x).' })
    expect(problem('x; alert(1)')).toMatchObject({ message: expect.stringMatching(/^“;” cannot be used here/), position: 1 })
    expect(problem('1.2.3')).toMatchObject({ message: '“1.2.3” is not a number.' })
    expect(problem('x'.repeat(501))).toMatchObject({ position: 500 })
    // A character outside the basic plane is named whole, one that does not print by its code.
    expect(problem('x + 😀')).toMatchObject({ message: expect.stringMatching(/^“😀” cannot be used here/), position: 4 })
    expect(problem('x\u0000')).toMatchObject({ message: expect.stringMatching(/^U\+0000 cannot be used here/), position: 1 })
    expect(problem('x\u200b')).toMatchObject({ message: expect.stringMatching(/^U\+200B cannot be used here/), position: 1 })
  })
})
