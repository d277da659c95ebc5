/**
 * How the engine's utility process is started. Its V8 heap gets a limit, so a run that grows
 * without bound ends in that process (which main restarts, and the page says the run was lost)
 * instead of exhausting the machine a class shares.
 */

const MB = 1024 * 1024

/** Half the machine's memory, at least 1 GB and at most 8 GB. */
export function engineHeapLimitMb(totalMemoryBytes: number): number {
  return Math.min(8192, Math.max(1024, Math.floor(totalMemoryBytes / 2 / MB)))
}

export function engineForkOptions(totalMemoryBytes: number) {
  return {
    serviceName: 'Axon Engine',
    execArgv: [`--max-old-space-size=${engineHeapLimitMb(totalMemoryBytes)}`],
  }
}
