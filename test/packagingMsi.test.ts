/**
 * The MSI's Open with for .json files (scripts/msiOpenWith.cjs, electron-builder's
 * msiProjectCreated hook), checked offline on the WiX project electron-builder's own MsiTarget
 * writes for our config (scripts/pack-check.cjs): Windows types xor.axon.json as .json, and the
 * MSI takes no NSIS include.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, win32 } from 'node:path'
import { launchPathsFromArgv } from '../src/main/launchFiles'

const root = process.cwd()
const require = createRequire(import.meta.url)
const packCheck = require('../scripts/pack-check.cjs') as {
  msiProject(config: object, pkg: object): Promise<string>
  msiOpenWithProblems(config: object, pkg: object, root: string): Promise<string[]>
}
const msiOpenWith = require('../scripts/msiOpenWith.cjs') as { addJsonOpenWith(wxs: string): string }

async function builderConfig() {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig(dir: string, a: null, b: null): Promise<Record<string, unknown>> }
  return getConfig(root, null, null)
}

describe('the MSI (electron-builder, offline)', () => {
  it("offers Axon Studio under Open with for .json files in the MSI too: its hook lists the association's ProgId in the executable's component of the WiX project electron-builder writes (fails on the old config: no hook, the MSI left projects to the JSON editor)", async () => {
    const config = await builderConfig()
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(await packCheck.msiOpenWithProblems(config, pkg, root)).toEqual([])
    expect(await packCheck.msiOpenWithProblems({ ...config, msiProjectCreated: undefined }, pkg, root)).toEqual(['msi: no msiProjectCreated hook to offer Axon Studio under Open with for .json files (Windows ignores .axon.json)'])
    // The project as WiX reads it: the value beside the ProgId electron-builder declares for *.axon.json, removed with the app.
    const wxs = msiOpenWith.addJsonOpenWith(await packCheck.msiProject(config, pkg))
    expect(msiOpenWith.addJsonOpenWith(wxs)).toBe(wxs)
    const { DOMParser } = require('@xmldom/xmldom') as { DOMParser: new (options: object) => { parseFromString(text: string, type: string): Document } }
    const doc = new DOMParser({ onError: (level: string, message: string) => { throw new Error(`${level}: ${message}`) } }).parseFromString(wxs, 'text/xml')
    const [value] = Array.from(doc.getElementsByTagName('RegistryValue'))
    expect([value.getAttribute('Root'), value.getAttribute('Key'), value.getAttribute('Type'), value.getAttribute('Value')]).toEqual(['HKCR', '.json\\OpenWithProgids', 'string', ''])
    const component = value.parentNode as Element
    expect(component.tagName).toBe('Component')
    expect(component.getElementsByTagName('File')[0].getAttribute('Id')).toBe('mainExecutable')
    const progId = component.getElementsByTagName('ProgId')[0]
    expect(progId.getElementsByTagName('Extension')[0].getAttribute('Id')).toBe('axon.json')
    expect(value.getAttribute('Name')).toBe(progId.getAttribute('Id'))
    // Its Open verb starts the app with the file, which main opens as a double-clicked project (launchFiles.ts).
    const argument = progId.getElementsByTagName('Verb')[0].getAttribute('Argument') ?? ''
    const argv = ['C:\\Program Files\\Axon Studio\\Axon Studio.exe', ...(argument.replace('%1', 'D:\\class 3\\xor.axon.json').match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replaceAll('"', ''))]
    expect(launchPathsFromArgv(argv, 'C:\\Windows\\System32', win32)).toEqual(['D:\\class 3\\xor.axon.json'])
    expect(() => msiOpenWith.addJsonOpenWith(wxs.replaceAll('Extension Id="axon.json"', 'Extension Id="json"'))).toThrow(/no ProgId for \*\.axon\.json/)
  })
})
