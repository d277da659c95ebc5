import { defineConfig } from 'vitest/config'

// Node 22 runs WebAssembly relaxed SIMD (the engine's fused multiply-add gemm) without flags; Node 20
// has it behind this V8 flag, so the relaxed-SIMD tests run there too instead of skipping.
const nodeMajor = Number(process.versions.node.split('.')[0])
const execArgv = nodeMajor < 22 ? ['--experimental-wasm-relaxed-simd'] : []

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    execArgv,
    testTimeout: 60_000,
    globalSetup: ['./test/buildCliOnce.ts'],
    // The second reporter records counts and skip reasons for the summary that ends `npm test`.
    reporters: ['default', './scripts/testSummary/vitestReporter.ts'],
  },
})
