/**
 * Collecting the compiler's diagnostics, and naming nodes in their messages.
 */
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostics'
import { NODE_KINDS } from './nodeKinds'
import type { ProjectNode } from './types'

/** The compiler's list of diagnostics, in the order found. */
export class Diagnostics {
  readonly list: Diagnostic[] = []
  add(
    severity: Severity,
    code: DiagnosticCode,
    where: { nodeId?: string; edgeId?: string; param?: string },
    message: string,
    hint: string,
  ): void {
    this.list.push({ severity, code, ...where, message, hint })
  }
  error(code: DiagnosticCode, where: { nodeId?: string; edgeId?: string; param?: string }, message: string, hint: string): void {
    this.add('error', code, where, message, hint)
  }
  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error')
  }
}

/** A node's name for messages: its label, else its kind and id. */
export function nameOf(node: ProjectNode): string {
  return node.label ? `“${node.label}”` : `${NODE_KINDS[node.kind].label} (${node.id})`
}
