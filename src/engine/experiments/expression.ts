/**
 * A small, safe expression language for the optimizer playground: the user types f(x) (or
 * f(x, y)) and gradient descent runs on it. No `eval`, no `Function` (the app's CSP forbids
 * them, and they would run anything): text → tokens → a tree, evaluated with dual numbers so
 * every value comes with its exact derivative.
 *
 * Grammar (usual precedence; `^` binds tighter than unary minus and is right-associative, so
 * −x^2 = −(x²) and 2^3^2 = 2^9):
 *   sum     = product (('+' | '-') product)*
 *   product = unary (('*' | '/' | implicit) unary)*      implicit: 3x, 2(x+1), x y
 *   unary   = ('-' | '+') unary | power
 *   power   = atom ('^' unary)?
 *   atom    = number | name | name '(' sum ')' | '(' sum ')'
 * Names: the variables, `pi`, `e`, and sin cos tan exp log (= ln) ln sqrt abs tanh.
 * Also accepted as typed in a lecture: − (minus sign), · and × (times), ² ³ ⁴ (powers), ¼ ½ ¾.
 */

/** A problem with the text, with the character position it was found at (0-based). */
export class ExpressionError extends Error {
  readonly position: number
  constructor(message: string, position: number) {
    super(message)
    this.name = 'ExpressionError'
    this.position = position
  }
}

type Node =
  | { kind: 'num'; value: number }
  | { kind: 'var'; index: number }
  | { kind: 'neg'; arg: Node }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Node; right: Node }
  | { kind: 'call'; fn: FunctionName; arg: Node }

/** Dual number: a value and its derivative along one direction. */
interface Dual {
  v: number
  d: number
}

/** Each function with its derivative, as a map of duals: f(u) = f(u.v), f'(u)·u.d. */
const FUNCTIONS = {
  sin: (u: Dual): Dual => ({ v: Math.sin(u.v), d: Math.cos(u.v) * u.d }),
  cos: (u: Dual): Dual => ({ v: Math.cos(u.v), d: -Math.sin(u.v) * u.d }),
  tan: (u: Dual): Dual => ({ v: Math.tan(u.v), d: u.d / Math.cos(u.v) ** 2 }),
  exp: (u: Dual): Dual => ({ v: Math.exp(u.v), d: Math.exp(u.v) * u.d }),
  log: (u: Dual): Dual => ({ v: Math.log(u.v), d: u.d / u.v }),
  ln: (u: Dual): Dual => ({ v: Math.log(u.v), d: u.d / u.v }),
  sqrt: (u: Dual): Dual => ({ v: Math.sqrt(u.v), d: u.d / (2 * Math.sqrt(u.v)) }),
  abs: (u: Dual): Dual => ({ v: Math.abs(u.v), d: Math.sign(u.v) * u.d }),
  tanh: (u: Dual): Dual => ({ v: Math.tanh(u.v), d: (1 - Math.tanh(u.v) ** 2) * u.d }),
}
type FunctionName = keyof typeof FUNCTIONS
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E }

/** Characters read as others: the lecture's typography. */
const SUBSTITUTES: Record<string, string> = { '−': '-', '·': '*', '×': '*', '²': '^2', '³': '^3', '⁴': '^4', '¼': '(1/4)', '½': '(1/2)', '¾': '(3/4)' }

type Token = { kind: 'num'; value: number; pos: number } | { kind: 'name'; name: string; pos: number } | { kind: 'op'; op: string; pos: number } | { kind: 'end'; pos: number }

/** Most characters an expression may have (a guard against pasted novels). */
export const MAX_EXPRESSION_LENGTH = 500

/** The character at `pos` as the user sees it: a whole emoji, or U+0000 for one that does not print. */
function describeChar(text: string, pos: number): string {
  const code = text.codePointAt(pos) ?? 0
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(code)) ? `“${String.fromCodePoint(code)}”` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  // Substitutes expand, so positions are tracked on the original text.
  const src: { ch: string; pos: number }[] = []
  for (let p = 0; p < text.length; p++) for (const ch of SUBSTITUTES[text[p]] ?? text[p]) src.push({ ch, pos: p })
  const at = (k: number) => src[k]?.ch ?? ''
  while (i < src.length) {
    const ch = at(i)
    const pos = src[i].pos
    if (/\s/.test(ch)) {
      i++
    } else if (/[0-9.]/.test(ch)) {
      let j = i
      while (/[0-9.]/.test(at(j))) j++
      if (/[eE]/.test(at(j)) && (/[0-9]/.test(at(j + 1)) || (/[+-]/.test(at(j + 1)) && /[0-9]/.test(at(j + 2))))) {
        j += 2
        while (/[0-9]/.test(at(j))) j++
      }
      const raw = src.slice(i, j).map((c) => c.ch).join('')
      const value = Number(raw)
      if (!Number.isFinite(value)) throw new ExpressionError(`“${raw}” is not a number.`, pos)
      tokens.push({ kind: 'num', value, pos })
      i = j
    } else if (/[a-zA-Z_]/.test(ch)) {
      let j = i
      while (/[a-zA-Z_0-9]/.test(at(j))) j++
      tokens.push({ kind: 'name', name: src.slice(i, j).map((c) => c.ch).join(''), pos })
      i = j
    } else if ('+-*/^()'.includes(ch)) {
      tokens.push({ kind: 'op', op: ch, pos })
      i++
    } else {
      throw new ExpressionError(`${describeChar(text, pos)} cannot be used here: write numbers, ${'+ − * / ^'}, parentheses, variables and functions such as sin(x).`, pos)
    }
  }
  tokens.push({ kind: 'end', pos: text.length })
  return tokens
}

class Parser {
  private k = 0
  constructor(
    private readonly tokens: Token[],
    private readonly variables: readonly string[],
  ) {}

  private peek(): Token {
    return this.tokens[this.k]
  }

  private isOp(op: string): boolean {
    const t = this.peek()
    return t.kind === 'op' && t.op === op
  }

  parseAll(): Node {
    const node = this.sum()
    const t = this.peek()
    if (t.kind !== 'end') throw new ExpressionError(t.kind === 'op' && t.op === ')' ? 'There is a “)” without its “(”.' : 'Something is missing before this point (an operator such as + or *?).', t.pos)
    return node
  }

  private sum(): Node {
    let left = this.product()
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.k++] as { op: '+' | '-' }).op
      left = { kind: 'bin', op, left, right: this.product() }
    }
    return left
  }

  /** Starts an operand without an operator before it: implicit multiplication (3x, 2(x+1)). */
  private startsOperand(): boolean {
    const t = this.peek()
    return t.kind === 'num' || t.kind === 'name' || (t.kind === 'op' && t.op === '(')
  }

  private product(): Node {
    let left = this.unary()
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = (this.tokens[this.k++] as { op: '*' | '/' }).op
        left = { kind: 'bin', op, left, right: this.unary() }
      } else if (this.startsOperand()) {
        left = { kind: 'bin', op: '*', left, right: this.unary() }
      } else return left
    }
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.k++
      return { kind: 'neg', arg: this.unary() }
    }
    if (this.isOp('+')) {
      this.k++
      return this.unary()
    }
    return this.power()
  }

  private power(): Node {
    const base = this.atom()
    if (!this.isOp('^')) return base
    this.k++
    return { kind: 'bin', op: '^', left: base, right: this.unary() }
  }

  private atom(): Node {
    const t = this.tokens[this.k++]
    if (t.kind === 'num') return { kind: 'num', value: t.value }
    if (t.kind === 'name') return this.named(t)
    if (t.kind === 'op' && t.op === '(') {
      const inner = this.sum()
      if (!this.isOp(')')) throw new ExpressionError('A “(” is not closed: add “)”.', this.peek().pos)
      this.k++
      return inner
    }
    if (t.kind === 'end') throw new ExpressionError(t.pos === 0 ? 'Type a function, e.g. x^4/4 − 3x^3 + 7x − 5.' : 'The expression ends too early: a number, variable or “(” is missing.', t.pos)
    throw new ExpressionError(`“${(t as { op: string }).op}” needs a number or variable before it.`, t.pos)
  }

  private named(t: { name: string; pos: number }): Node {
    const index = this.variables.indexOf(t.name)
    if (index >= 0) return { kind: 'var', index }
    if (Object.hasOwn(FUNCTIONS, t.name)) {
      if (!this.isOp('(')) throw new ExpressionError(`${t.name} needs its argument in parentheses: ${t.name}(x).`, t.pos)
      this.k++
      const arg = this.sum()
      if (!this.isOp(')')) throw new ExpressionError(`${t.name}( is not closed: add “)”.`, this.peek().pos)
      this.k++
      return { kind: 'call', fn: t.name as FunctionName, arg }
    }
    if (Object.hasOwn(CONSTANTS, t.name)) return { kind: 'num', value: CONSTANTS[t.name] }
    const names = this.variables.join(' and ')
    throw new ExpressionError(`“${t.name}” is unknown: the variable${this.variables.length > 1 ? 's are' : ' is'} ${names}; functions are ${Object.keys(FUNCTIONS).join(', ')}; constants pi and e.`, t.pos)
  }
}

function evalDual(node: Node, vars: readonly number[], direction: number): Dual {
  switch (node.kind) {
    case 'num':
      return { v: node.value, d: 0 }
    case 'var':
      return { v: vars[node.index], d: node.index === direction ? 1 : 0 }
    case 'neg': {
      const a = evalDual(node.arg, vars, direction)
      return { v: -a.v, d: -a.d }
    }
    case 'call':
      return FUNCTIONS[node.fn](evalDual(node.arg, vars, direction))
    case 'bin': {
      const a = evalDual(node.left, vars, direction)
      const b = evalDual(node.right, vars, direction)
      switch (node.op) {
        case '+':
          return { v: a.v + b.v, d: a.d + b.d }
        case '-':
          return { v: a.v - b.v, d: a.d - b.d }
        case '*':
          return { v: a.v * b.v, d: a.d * b.v + a.v * b.d }
        case '/':
          return { v: a.v / b.v, d: (a.d * b.v - a.v * b.d) / (b.v * b.v) }
        case '^':
          return powDual(a, b)
      }
    }
  }
}

/** u^w: a constant exponent uses n·u^(n−1) (so x^3 works for x < 0); otherwise u^w·(w'·ln u + w·u'/u). */
function powDual(u: Dual, w: Dual): Dual {
  const v = Math.pow(u.v, w.v)
  if (w.d === 0) return { v, d: u.d === 0 ? 0 : w.v * Math.pow(u.v, w.v - 1) * u.d }
  return { v, d: v * (w.d * Math.log(u.v) + (w.v * u.d) / u.v) }
}

/** A parsed expression: its value and gradient at a point (one number per variable). */
export interface CompiledExpression {
  /** The variables, in the order `value` and `gradient` take them. */
  variables: readonly string[]
  value(point: readonly number[]): number
  /** ∂f/∂v for each variable v (exact, by forward-mode differentiation). */
  gradient(point: readonly number[]): number[]
}

/**
 * Parses `text` as a function of `variables` (default x).
 * @throws ExpressionError with the position of the problem and what to write instead.
 */
export function compileExpression(text: string, variables: readonly string[] = ['x']): CompiledExpression {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`The expression is longer than ${MAX_EXPRESSION_LENGTH} characters.`, MAX_EXPRESSION_LENGTH)
  const tree = new Parser(tokenize(text), variables).parseAll()
  return {
    variables,
    value: (point) => evalDual(tree, point, -1).v,
    gradient: (point) => variables.map((_, i) => evalDual(tree, point, i).d),
  }
}
