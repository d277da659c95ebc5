/** Entry of the `axon` command (see `bin/axon.mjs`): wires `runCli` to the process. */
import { runCli } from './commands'

process.exitCode = runCli(
  process.argv.slice(2),
  (line) => process.stdout.write(line + '\n'),
  (line) => process.stderr.write(line + '\n'),
)
