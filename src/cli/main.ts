/** Entry of the `axon` command (see `bin/axon.mjs`): wires `runCli` to the process. */
import { runCli } from './commands'
import { installWasmKernels } from '../engine/kernels/install'

// Same float32 kernel as the app's engine process, so both train to the same weights.
installWasmKernels()

// `axon train … | head` closes the pipe early: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
}

process.exitCode = runCli(
  process.argv.slice(2),
  (line) => process.stdout.write(line + '\n'),
  (line) => process.stderr.write(line + '\n'),
)
