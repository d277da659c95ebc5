/**
 * Command-line argument parsing for `axon`: `--name value`, `--name=value` and boolean flags.
 */

/** A usage or input problem: printed without a stack, exits with `exitCode`. */
export class CliError extends Error {
  override name = 'CliError'
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

export interface ParsedArgs {
  positional: string[]
  options: Record<string, string>
  flags: Set<string>
}

/**
 * Splits `argv` (without the command) into positional arguments, `--key value` options (for the
 * keys in `valued`) and boolean `--flags` (the keys in `flags`).
 * @throws CliError (exit 2) for unknown options or a missing value.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const result: ParsedArgs = { positional: [], options: {}, flags: new Set() }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) {
      result.positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const key = arg.slice(2, eq === -1 ? undefined : eq)
    if (flags.includes(key) && eq === -1) {
      result.flags.add(key)
    } else if (valued.includes(key)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
      if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new CliError(`Option --${key} needs a value.`, 2)
      result.options[key] = value
    } else {
      throw new CliError(`Unknown option --${key}.`, 2)
    }
  }
  return result
}

/** A whole number in [min, max] from an option. */
export function intOption(args: ParsedArgs, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const text = args.options[key]
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`
    throw new CliError(`--${key} must be a whole number ${range} (got “${text}”).`, 2)
  }
  return value
}

/**
 * Rows of numbers: `0.05,0.1` is one row; `0,0;0,1` two rows.
 * @throws CliError (exit 2) when a value is not a number.
 */
export function parseRows(text: string): number[][] {
  return text.split(';').map((row) =>
    row.split(',').map((cell) => {
      const value = Number(cell.trim())
      if (cell.trim() === '' || !Number.isFinite(value)) throw new CliError(`--input: “${cell}” is not a number (write rows like 0.05,0.1 and separate rows with ;).`, 2)
      return value
    }),
  )
}
