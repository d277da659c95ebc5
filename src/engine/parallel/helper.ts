/**
 * A data-parallel helper thread: it joins the session thread's shared WebAssembly memory, builds
 * a replica of the network there, and computes the gradient of its share of each mini-batch
 * (see protocol.ts). Hosts start it in a Worker (`host/node/gradientWorker.ts`,
 * `host/web/gradient.worker.ts`) and hand it their message port as a `HelperScope`.
 */
import { createRng } from '../rng'
import { installedWasmKernel, installWasmKernels, resetFloat32Arena } from '../kernels/install'
import { createNetwork, networkBackward, networkForward, networkLossAndDelta, networkOutput, type Network } from '../nn/network'
import type { WasmGemm } from '../kernels/wasmGemm'
import { Cmd, Ctl, CtlF, Flag, SLOT_FLOATS, SLOT_INTS, claimJob, controlViews, signal, waitWhile, type AttachMessage, type HelperScope, type InitMessage } from './protocol'

interface HelperState {
  ints: Int32Array
  floats: Float64Array
  /** This helper's slot in the control block. */
  base: number
  fbase: number
}

/** Serve one helper thread on `scope` until its worker is terminated. */
export function serveGradientHelper(scope: HelperScope): void {
  let state: HelperState | null = null
  scope.onMessage((message) => {
    if (message.type === 'init') {
      const failure = init(message)
      if (typeof failure === 'string') scope.postMessage({ type: 'failed', message: failure })
      else {
        state = failure
        scope.postMessage({ type: 'ready' })
      }
    } else if (message.type === 'attach' && state) {
      serveAttached(state, message)
    }
  })
}

function init(message: InitMessage): HelperState | string {
  const ok = installWasmKernels({ fma: message.fma, threads: message.threads, join: { memory: message.memory, thread: message.thread } })
  if (!ok || !installedWasmKernel()) return 'this thread cannot run the WebAssembly SIMD kernel over shared memory'
  const { ints, floats } = controlViews(message.control, message.threads)
  return { ints, floats, base: message.thread * SLOT_INTS, fbase: message.thread * SLOT_FLOATS }
}

/** Build the replica, report its buffers, then serve jobs until the session detaches. */
function serveAttached(state: HelperState, message: AttachMessage): void {
  const { ints, base } = state
  const replica = buildReplica(message)
  if (typeof replica === 'string') {
    Atomics.store(ints, base + Ctl.Attached, -message.attachId)
    Atomics.notify(ints, base + Ctl.Attached)
    return
  }
  const { network } = replica
  ints[base + Ctl.XOffset] = network.X.byteOffset
  ints[base + Ctl.TOffset] = network.T.byteOffset
  ints[base + Ctl.OutOffset] = networkOutput(network).byteOffset
  ints[base + Ctl.GradsOffset] = network.grads.byteOffset
  ints[base + Ctl.StageOffset] = replica.stage?.byteOffset ?? 0
  let seen = Atomics.load(ints, base + Ctl.Seq)
  Atomics.store(ints, base + Ctl.Attached, message.attachId)
  Atomics.notify(ints, base + Ctl.Attached)
  for (;;) {
    waitWhile(ints, base + Ctl.Seq, seen, base + Ctl.HelperSleeps)
    seen = Atomics.load(ints, base + Ctl.Seq)
    // The session computes a job it claimed first itself; this helper then waits for the next.
    if (!claimJob(ints, base, seen)) continue
    if (ints[base + Ctl.Cmd] === Cmd.Detach) {
      signal(ints, base + Ctl.Done, seen, base + Ctl.SessionSleeps)
      return
    }
    runJob(state, replica)
    signal(ints, base + Ctl.Done, seen, base + Ctl.SessionSleeps)
  }
}

interface Replica {
  kernel: WasmGemm
  /** Over the session's parameters (it reads them where they are: no copy per job). */
  network: Network
  /** Input bytes the session stages for this helper ([capacity×inputSize]), or null (rows come as floats). */
  stage: Uint8Array | null
}

/** The replica network in this helper's arena, over the session's parameters, and the staging area. */
function buildReplica(message: AttachMessage): Replica | string {
  const kernel = installedWasmKernel()
  if (!kernel) return 'no kernel'
  resetFloat32Arena()
  try {
    // The session only updates its parameters between jobs, so reading them in place is safe.
    const params = kernel.view(message.paramsOffset, message.paramsLength)
    const network = createNetwork(message.model, message.capacity, createRng(1), { params })
    const inMemory = [network.grads, network.X, network.T, networkOutput(network)].every((a) => a instanceof Float32Array && kernel.owns(a))
    if (!inMemory) return 'the replica does not fit in the helper arena'
    const stageBytes = message.capacity * network.inputSize
    const stageFloats = kernel.alloc(Math.ceil(stageBytes / 4))
    const stage = kernel.owns(stageFloats) ? new Uint8Array(stageFloats.buffer, stageFloats.byteOffset, stageBytes) : null
    return { kernel, network, stage }
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/**
 * The job on rows 0…rows−1 of the replica's X, T: Run gives grads = scale·Σ ∂E_i/∂w and the
 * summed loss, Evaluate the outputs and the summed loss.
 */
function runJob(state: HelperState, replica: Replica): void {
  const { ints, floats, base, fbase } = state
  const { kernel, network, stage } = replica
  const rows = ints[base + Ctl.Rows]
  const training = ints[base + Ctl.Cmd] === Cmd.Run
  try {
    if (ints[base + Ctl.Flags] & Flag.Staged) {
      if (!stage) throw new Error('rows staged for a helper without a staging area')
      kernel.bytesToF32(rows * network.inputSize, floats[fbase + CtlF.InputScale], stage, 0, network.X as Float32Array, 0)
    }
    if (training) kernel.zero(network.grads as Float32Array)
    networkForward(network, 0, rows, null)
    const loss = networkLossAndDelta(network, 0, rows)
    if (training && Number.isFinite(loss)) networkBackward(network, 0, rows, floats[fbase + CtlF.Scale])
    floats[fbase + CtlF.Loss] = loss
  } catch {
    floats[fbase + CtlF.Loss] = NaN
  }
}
