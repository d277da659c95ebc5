/** Entry of the `axon` command (see `bin/axon.mjs`): wires `runCli` to the process. */
import { runCli } from './commands'
import { threadsToStart } from './threads'
import { installWasmKernels } from '../engine/kernels/install'
import { defaultThreads, startNodeGradientPool } from '../engine/host/node/gradientPool'

// Same float32 kernel as the app's engine process, so both train to the same weights; laid out
// for the training threads, whose helpers start before the (synchronous) command runs.
const argv = process.argv.slice(2)
const threads = threadsToStart(argv, defaultThreads())
installWasmKernels({ threads })
if (threads > 1) await startNodeGradientPool(threads)

// `axon train … | head` closes the pipe early: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
}

process.exitCode = runCli(
  argv,
  (line) => process.stdout.write(line + '\n'),
  (line) => process.stderr.write(line + '\n'),
)
