#!/usr/bin/env node
// The `axon` command: registers tsx so Node can run the TypeScript sources, then runs the CLI.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
