// The `axon` command as one built JavaScript file, so a start runs JavaScript instead of compiling
// the TypeScript sources through tsx (≈1 s of CPU at every start). `bin/axon.mjs` runs the bundle
// when it is up to date and builds it first when not; `npm run build` (and `npm run build:cli`,
// which runs this file) builds it ahead. Plain JavaScript: it must run before anything is built.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The command and its data-parallel helper thread (the command starts it beside itself). */
export const CLI_ENTRIES = { axon: 'src/cli/main.ts', gradientWorker: 'src/engine/host/node/gradientWorker.ts' }
/** Where the bundle goes (ignored by git, left out of the desktop app by electron-builder.yml). */
export const CLI_OUT_DIR = join(ROOT, 'out', 'cli')
/** Every file the bundle was built from, with its size and time, to tell whether it is stale. */
const MANIFEST = 'inputs.json'

/** An input's size and modification time, or null when it is gone. */
function stamp(path) {
  try {
    const s = statSync(path)
    return [s.size, s.mtimeMs]
  } catch {
    return null
  }
}

/** True when every file the bundle in `outDir` was built from is as it was then (this file included). */
export function cliBundleIsFresh(outDir = CLI_OUT_DIR) {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'))
  } catch {
    return false
  }
  if (manifest.node !== process.versions.node) return false
  return Object.entries(manifest.inputs).every(([path, was]) => {
    const now = stamp(resolve(manifest.root, path))
    return now !== null && now[0] === was[0] && now[1] === was[1]
  })
}

/** Writes `text` to `path` in one step (a temporary file renamed), so a concurrent start never reads half a file. */
function writeAtomically(path, text) {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, path)
}

/**
 * Bundles `entries` (name → source path under `root`) into `outDir` as ES modules for this Node,
 * dependencies included, and records the inputs. Returns the path of each built file by name.
 */
export async function buildCliBundle({ root = ROOT, entries = CLI_ENTRIES, outDir = CLI_OUT_DIR } = {}) {
  const { build } = await import('esbuild')
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, resolve(root, path)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    // CommonJS dependencies (protobufjs for ONNX) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as axonCreateRequire } from 'node:module'; const require = axonCreateRequire(import.meta.url);" },
    chunkNames: 'chunk-[hash]',
    metafile: true,
    write: false,
    logLevel: 'warning',
  })
  mkdirSync(outDir, { recursive: true })
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents)
  // Shared chunks are named by their content: the ones of earlier builds are no longer imported.
  const current = new Set(result.outputFiles.map((file) => file.path))
  for (const name of readdirSync(outDir)) if (/^chunk-\w+\.mjs$/.test(name) && !current.has(join(outDir, name))) rmSync(join(outDir, name), { force: true })
  const inputs = {}
  for (const path of [...Object.keys(result.metafile.inputs), relative(root, fileURLToPath(import.meta.url))]) inputs[path] = stamp(resolve(root, path))
  writeAtomically(join(outDir, MANIFEST), JSON.stringify({ root, node: process.versions.node, inputs }))
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(outDir, `${name}.mjs`)]))
}

// `node bin/cliBundle.mjs` (npm run build:cli): build it now.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildCliBundle()
  console.log(`axon command bundled: ${relative(process.cwd(), built.axon)}`)
}
