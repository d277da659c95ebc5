/**
 * Sizes of source files and functions, read from the TypeScript AST: how many lines each file
 * has, and how many lines each function spans (from its first token to its closing brace, so a
 * leading doc comment does not count; a function nested in another counts in both).
 */
import ts from 'typescript'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Longest source file, in lines. */
export const MAX_FILE_LINES = 400
/** Longest function, in lines. */
export const MAX_FUNCTION_LINES = 80

export interface FunctionSize {
  /** `path:line name`, e.g. `src/engine/data/csv.ts:64 parseCsv`. */
  where: string
  lines: number
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist-web', 'test-results'])

/** Every source file under `dir` (relative to `root`, with forward slashes), sorted. */
export function sourceFiles(root: string, dir: string): string[] {
  const found: string[] = []
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path)
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        found.push(relative(root, path).split('\\').join('/'))
      }
    }
  }
  walk(join(root, dir))
  return found.sort()
}

/** Lines in `text` (a final newline ends the last line, it does not start another). */
export function lineCount(text: string): number {
  if (text === '') return 0
  const lines = text.split('\n').length
  return text.endsWith('\n') ? lines - 1 : lines
}

/** The name a reader would look for: the function's own, or the variable, property or class member it is assigned to. */
function functionName(node: ts.Node, file: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node }
  if (named.name) return named.name.getText(file)
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  const parent = node.parent
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) {
    return parent.name.getText(file)
  }
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(file).slice(0, 40)})`
  return '(anonymous)'
}

/** Every function, method, constructor, accessor and arrow function in `text`, with its length. */
export function functionSizes(path: string, text: string): FunctionSize[] {
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : path.match(/\.[cm]?js$/) ? ts.ScriptKind.JS : ts.ScriptKind.TS
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind)
  const sizes: FunctionSize[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line
      sizes.push({ where: `${path}:${first + 1} ${functionName(node, file)}`, lines: last - first + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return sizes
}

/** Files over `MAX_FILE_LINES` and functions over `MAX_FUNCTION_LINES` under `dirs`, skipping `allowed` paths. */
export function oversized(root: string, dirs: string[], allowed: (path: string) => boolean): { files: FunctionSize[]; functions: FunctionSize[] } {
  const files: FunctionSize[] = []
  const functions: FunctionSize[] = []
  for (const path of dirs.flatMap((d) => sourceFiles(root, d))) {
    if (allowed(path)) continue
    const text = readFileSync(join(root, path), 'utf8')
    const lines = lineCount(text)
    if (lines > MAX_FILE_LINES) files.push({ where: path, lines })
    for (const f of functionSizes(path, text)) if (f.lines > MAX_FUNCTION_LINES) functions.push(f)
  }
  return { files, functions }
}
