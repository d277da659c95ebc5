#!/usr/bin/env node
// The `axon` command: runs the built bundle (out/cli/axon.mjs, see cliBundle.mjs), building it
// first when it is missing or older than its sources. Where it cannot be built (no esbuild, a
// read-only checkout) the TypeScript sources run through tsx instead, slower to start.
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { CLI_OUT_DIR, buildCliBundle, cliBundleIsFresh } from './cliBundle.mjs'

async function bundledCli() {
  if (cliBundleIsFresh()) return join(CLI_OUT_DIR, 'axon.mjs')
  try {
    return (await buildCliBundle()).axon
  } catch {
    return null
  }
}

const bundle = await bundledCli()
if (bundle) {
  await import(pathToFileURL(bundle).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
