/**
 * The one error every exporter throws for a request it cannot fulfil (no trained weights, a
 * layer with no form in the target format, data the script cannot read). A stable name, so it
 * survives Comlink and the CLI can print it without a stack.
 */
export class ExportError extends Error {
  override name = 'ExportError'
  constructor(
    message: string,
    /** What to do about it, shown under the message. */
    readonly hint?: string,
  ) {
    super(message)
  }
}
