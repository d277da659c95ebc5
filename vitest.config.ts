import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // The second reporter records counts and skip reasons for the summary that ends `npm test`.
    reporters: ['default', './scripts/testSummary/vitestReporter.ts'],
  },
})
