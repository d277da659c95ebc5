import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

// Lint real source text as if it lived at each path, so the boundary rules themselves are tested.
const eslint = new ESLint({ cwd: process.cwd() })

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

describe('architecture boundaries (eslint)', () => {
  it.each([
    ['engine reads the DOM', 'src/engine/nn/bad.ts', 'export const w = document.body\n', /no-restricted-globals.*document/],
    ['engine imports Node', 'src/engine/nn/bad.ts', "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n", /no-restricted-imports.*Node APIs/],
    ['engine imports fs by bare name', 'src/engine/nn/bad.ts', "import fs from 'fs'\nexport const r = fs\n", /no-restricted-imports/],
    ['engine imports Electron', 'src/engine/nn/bad.ts', "import { app } from 'electron'\nexport const a = app\n", /no-restricted-imports.*Electron/],
    ['engine uses Math.random', 'src/engine/nn/bad.ts', 'export const r = Math.random()\n', /no-restricted-properties.*deterministic/],
    ['renderer imports Electron', 'src/renderer/src/bad.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer\n", /no-restricted-imports.*Electron/],
    ['renderer imports node:fs', 'src/renderer/src/bad.ts', "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n", /no-restricted-imports/],
    ['main imports the renderer', 'src/main/bad.ts', "import { App } from '../renderer/src/App'\nexport const a = App\n", /no-restricted-imports.*renderer/],
  ])('rejects: %s', async (_name, path, code, expected) => {
    const messages = await lintAs(path, code)
    expect(messages.join('\n')).toMatch(expected)
  })

  it.each([
    ['engine host adapter may use Node', 'src/engine/host/node/ok.ts', "import { parentPort } from 'node:worker_threads'\nexport const p = parentPort\n"],
    ['engine may import its own events module', 'src/engine/host/ok.ts', "import type { EngineEvent } from './events'\nexport type E = EngineEvent\n"],
    ['main may import Node', 'src/main/ok.ts', "import { join } from 'node:path'\nexport const j = join\n"],
  ])('allows: %s', async (_name, path, code) => {
    expect(await lintAs(path, code)).toEqual([])
  })
})
