/**
 * Errors the engine throws. Comlink keeps only name, message and stack across processes, so
 * each kind has a stable `name`, and the message names the canvas node (layer) concerned.
 */

export type EngineErrorName = 'SpecError' | 'DivergenceError' | 'DataError'

export class EngineError extends Error {
  override name: EngineErrorName
  /** The canvas node the problem belongs to, when there is one. */
  readonly nodeId?: string

  constructor(name: EngineErrorName, message: string, nodeId?: string) {
    super(message)
    this.name = name
    this.nodeId = nodeId
  }
}

/** The spec cannot run (wrong sizes, unsupported combination); names the node. */
export function specError(message: string, nodeId?: string): EngineError {
  return new EngineError('SpecError', message, nodeId)
}
