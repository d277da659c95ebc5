/** Entry of the `axon` command (see `bin/axon.mjs`): wires `runCli` to the process. */
import { fileURLToPath } from 'node:url'
import { asksForHelp, runCli } from './commands'
import { threadsToStart } from './threads'
import { installWasmKernels } from '../engine/kernels/install'
import { defaultThreads, startNodeGradientPool } from '../engine/host/node/gradientPool'
import { enableRelaxedSimd } from '../engine/host/node/relaxedSimd'

// Same float32 kernel as the app's engine process, so both train to the same weights; laid out
// for the training threads, whose helpers start before the (synchronous) command runs.
const argv = process.argv.slice(2)
// Help computes nothing: it starts no threads and neither compiles nor self-tests the kernel.
const help = asksForHelp(argv)
const threads = help ? 1 : threadsToStart(argv, defaultThreads())
if (!help) {
  enableRelaxedSimd()
  installWasmKernels({ threads })
}
// Bundled (out/cli/axon.mjs, bin/cliBundle.mjs) the helper thread is the bundle beside this file;
// from the TypeScript sources the pool boots gradientWorker.ts through tsx.
const helperScript = import.meta.url.endsWith('.mjs') ? fileURLToPath(new URL('./gradientWorker.mjs', import.meta.url)) : undefined
if (threads > 1) await startNodeGradientPool(threads, helperScript)

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
