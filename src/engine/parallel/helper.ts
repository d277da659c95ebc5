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
import { Cmd, Ctl, CtlF, Flag, SLOT_FLOATS, SLOT_INTS, claimJob, controlViews, helperReduction, signal, stageStride, waitWhile, type AttachMessage, type HelperScope, type InitMessage } from './protocol'

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
  ints[base + Ctl.StageOffset] = replica.stages?.[0].byteOffset ?? 0
  ints[base + Ctl.StagedTargetsOffset] = replica.stagedTargets?.[0].byteOffset ?? 0
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
    const reduces = ints[base + Ctl.Cmd] === Cmd.Run && (ints[base + Ctl.Flags] & Flag.Reduce) !== 0
    runJob(state, replica)
    signal(ints, base + Ctl.Done, seen, base + Ctl.SessionSleeps)
    if (reduces) reduceIntoSession(state, replica, seen)
  }
}

/** Add this helper's gradient of job `seq` into the session's, if the session's own share is done in time (see `helperReduction`). */
function reduceIntoSession(state: HelperState, replica: Replica, seq: number): void {
  const grads = replica.network.grads as Float32Array
  helperReduction(state.ints, state.base, seq, () => replica.kernel.axpy(grads.length, 1, grads, 0, replica.sessionGrads, 0))
}

interface Replica {
  kernel: WasmGemm
  /** Over the session's parameters (it reads them where they are: no copy per job). */
  network: Network
  /** The session's gradient, which a `Flag.Reduce` job's gradient is added into. */
  sessionGrads: Float32Array
  /** The two staging buffers of input bytes ([capacity×inputSize] each), or null (rows come as floats). */
  stages: [Uint8Array, Uint8Array] | null
  /** The targets of each staging buffer's rows ([capacity×outputSize] each). */
  stagedTargets: [Float32Array, Float32Array] | null
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
    const sessionGrads = kernel.view(message.gradsOffset, message.paramsLength)
    return { kernel, network, sessionGrads, ...stagingBuffers(kernel, message.capacity, network.inputSize, network.outputSize) }
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** The two staging buffers and their targets in this helper's arena, or nulls where they do not fit. */
function stagingBuffers(kernel: WasmGemm, capacity: number, inputSize: number, outputSize: number): Pick<Replica, 'stages' | 'stagedTargets'> {
  const stride = stageStride(capacity, inputSize)
  const bytes = kernel.alloc((2 * stride) / 4)
  const targets = kernel.alloc(2 * capacity * outputSize)
  if (!kernel.owns(bytes) || !kernel.owns(targets)) return { stages: null, stagedTargets: null }
  const stage = (b: number) => new Uint8Array(bytes.buffer, bytes.byteOffset + b * stride, capacity * inputSize)
  const target = (b: number) => targets.subarray(b * capacity * outputSize, (b + 1) * capacity * outputSize)
  return { stages: [stage(0), stage(1)], stagedTargets: [target(0), target(1)] }
}

/**
 * The job on rows 0…rows−1 of the replica's X, T: Run gives grads = scale·Σ ∂E_i/∂w and the
 * summed loss, Evaluate the outputs and the summed loss.
 */
function runJob(state: HelperState, replica: Replica): void {
  const { ints, floats, base, fbase } = state
  const { kernel, network, stages, stagedTargets } = replica
  const rows = ints[base + Ctl.Rows]
  const training = ints[base + Ctl.Cmd] === Cmd.Run
  try {
    if (ints[base + Ctl.Flags] & Flag.Staged) {
      if (!stages || !stagedTargets) throw new Error('rows staged for a helper without a staging area')
      const b = ints[base + Ctl.StageBuffer]
      kernel.bytesToF32(rows * network.inputSize, floats[fbase + CtlF.InputScale], stages[b], 0, network.X as Float32Array, 0)
      network.T.set(stagedTargets[b].subarray(0, rows * network.outputSize))
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
