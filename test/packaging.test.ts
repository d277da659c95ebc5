/**
 * The installer setup, checked offline: electron-builder's schema accepts our config and it asks
 * for what a school needs (scripts/pack-check.cjs); an unpacked Linux build against a stand-in
 * Electron (the real one cannot be downloaded here) holds the bundles the app needs and nothing
 * it must not ship, and its binary comes out with the security fuses flipped; the renderer
 * bundle names no remote host.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeUnless } from './requires'
import { launchPathsFromArgv } from '../src/main/launchFiles'
import { shareTextsFromArgv } from '../src/main/shareLinks'

const root = process.cwd()
const require = createRequire(import.meta.url)
const packCheck = require('../scripts/pack-check.cjs') as {
  configProblems(config: object, pkg: object): string[]
  nsisOpenWithProblems(config: object, root: string): string[]
  portableProblems(config: object, builderDir?: string): string[]
  PROJECT_MIME_TYPE: string
  appImageSandboxProblems(config: object, pkg: object): Promise<string[]>
  linuxMimeProblems(config: object, root: string, executableName: string): string[]
  remoteHosts(dir: string): string[]
  artifactNames(config: object, name: string, version: string): Array<{ target: string; file: string }>
  linuxDesktopEntry(config: object, pkg: object, target?: string): Promise<string>
  desktopMimeTypes(entry: string): string[]
  linuxOpenWithProblems(config: object, pkg: object): Promise<string[]>
}
const fuses = require('@electron/fuses') as { getCurrentFuseWire(path: string): Promise<Record<number, number>>; FuseV1Options: Record<string, number> }
/** A fuse's byte in the wire: '0' off, '1' on. */
const S = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) }

/** Electron's fuse wire as an unmodified binary carries it (version 1, 8 fuses, Electron's defaults). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const DEFAULT_WIRE = '10110001' // RunAsNode 1, cookies 0, NODE_OPTIONS 1, --inspect 1, asar integrity 0, only asar 0, v8 snapshot 0, file:// privileges 1

/** The packages (not Node's own modules, not electron) that the .cjs files under `dirs` require(). */
function bareRequires(dirs: string[]): string[] {
  const names = new Set<string>()
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
  for (const file of dirs.flatMap(walk).filter((f) => f.endsWith('.cjs'))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
      if (name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name)) names.add(name)
    }
  }
  return [...names]
}

/** The desktop bundles in out/, built once for this file's tests (which run one after another). */
let bundlesBuilt = false
function buildBundles(): void {
  if (!bundlesBuilt) execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'pipe' })
  bundlesBuilt = true
}

/**
 * A stand-in Electron distribution in `work` whose "binary" carries the fuse wire, so
 * electron-builder flips the fuses in it exactly as in the real one.
 */
function fakeElectronDist(work: string): string {
  const fake = join(work, 'electron-dist')
  mkdirSync(join(fake, 'resources'), { recursive: true })
  writeFileSync(join(fake, 'electron'), `#!/bin/sh\n# ${SENTINEL}\x01\x08${DEFAULT_WIRE}\n`, 'latin1')
  chmodSync(join(fake, 'electron'), 0o755)
  writeFileSync(join(fake, 'version'), require('electron/package.json').version)
  writeFileSync(join(fake, 'LICENSE'), '')
  return fake
}

/**
 * A stand-in for fpm (electron-builder's deb maker, a download this machine cannot make): a Node
 * script that writes its arguments to `captured`/args.json, copies each file it is given
 * (`source=/destination`) to `captured`/files/destination and the after-install script to
 * `captured`/after-install (electron-builder deletes its temporary files after), and makes an
 * empty package file.
 */
function recordingFpm(captured: string): string {
  return `const fs = require('node:fs'), path = require('node:path')
const out = ${JSON.stringify(captured)}, args = process.argv.slice(2)
fs.mkdirSync(out, { recursive: true })
fs.writeFileSync(path.join(out, 'args.json'), JSON.stringify(args))
for (const [i, arg] of args.entries()) {
  const at = arg.indexOf('=/')
  if (!arg.startsWith('-') && at > 0 && fs.statSync(arg.slice(0, at)).isFile()) {
    const to = path.join(out, 'files', arg.slice(at + 1))
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.copyFileSync(arg.slice(0, at), to)
  }
  if (args[i - 1] === '--after-install') fs.copyFileSync(arg, path.join(out, 'after-install'))
  if (args[i - 1] === '--package') fs.writeFileSync(arg, '')
}
`
}

async function builderConfig() {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig(dir: string, a: null, b: null): Promise<Record<string, unknown>> }
  return getConfig(root, null, null)
}

describe('packaging (electron-builder, offline)', () => {
  it('validates electron-builder.yml and finds what a school needs in it', () => {
    const out = execFileSync(process.execPath, ['scripts/pack-check.cjs'], { cwd: root, encoding: 'utf8' })
    expect(out).toContain('electron-builder config OK')
    expect(out).toContain('installer config OK')
  })

  it('names every installer with its version and without spaces, none twice', async () => {
    const files = packCheck.artifactNames(await builderConfig(), 'axon-studio', '1.2.3').map((n) => n.file)
    expect(files).toEqual(
      expect.arrayContaining([
        'axon-studio-1.2.3-setup-x64.exe',
        'axon-studio-1.2.3-x64.msi',
        'axon-studio-1.2.3-portable-x64.exe',
        'axon-studio-1.2.3-mac-universal.dmg',
        'axon-studio-1.2.3-linux-x64.AppImage',
        'axon-studio-1.2.3-linux-arm64.AppImage',
        'axon-studio_1.2.3_amd64.deb',
        'axon-studio_1.2.3_arm64.deb',
      ]),
    )
  })

  it('catches a config that would let the app run as Node, lose its file association, collide or carry an update feed', async () => {
    const config = await builderConfig()
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(packCheck.configProblems(config, pkg)).toEqual([])
    const fusesOff = { ...config, electronFuses: { ...(config.electronFuses as object), runAsNode: true } }
    expect(packCheck.configProblems(fusesOff, pkg)).toContain('electronFuses.runAsNode must be true'.replace('true', 'false'))
    expect(packCheck.configProblems({ ...config, fileAssociations: [] }, pkg)).toContain('no *.axon.json file association')
    expect(packCheck.configProblems({ ...config, protocols: [] }, pkg)).toContain('no axon-studio: protocol (share links)')
    expect(packCheck.configProblems({ ...config, extraResources: [] }, pkg)).toContain("extraResources: resources/licenses (the math font's licence) must ship with the app")
    const offlineFetch = 'deb: must recommend nothing (recommends: []): offline, apt would fail to fetch a recommended package'
    expect(packCheck.configProblems({ ...config, deb: { ...(config.deb as object), recommends: ['libappindicator3-1'] } }, pkg)).toContain(offlineFetch)
    expect(packCheck.configProblems({ ...config, deb: { ...(config.deb as object), recommends: undefined } }, pkg)).toContain(offlineFetch)
    expect(packCheck.configProblems({ ...config, publish: undefined }, pkg)).toContain('publish must be null: no update feed (app-update.yml) in the app')
    expect(packCheck.configProblems(config, { ...pkg, dependencies: { ...pkg.dependencies, 'electron-updater': '6.0.0' } })).toContain('package.json: electron-updater would check for updates online')
    const mac = config.mac as { extendInfo: { CFBundleDocumentTypes: object[] } }
    const jsonDefault = { ...config, mac: { ...mac, extendInfo: { CFBundleDocumentTypes: [{ LSItemContentTypes: ['public.json'], LSHandlerRank: 'Default' }] } } }
    expect(packCheck.configProblems(jsonDefault, pkg)).toContain('mac: Axon Studio must be an Alternate handler of public.json (macOS types xor.axon.json as JSON), never its default')
    const clash = { ...config, portable: { artifactName: '${name}-${version}-setup-${arch}.${ext}' } }
    expect(packCheck.configProblems(clash, pkg).join()).toMatch(/two targets write axon-studio-.*-setup-x64.exe/)
    expect(packCheck.configProblems({ ...config, artifactName: 'Axon Studio ${version}.${ext}' }, pkg).join()).toMatch(/space/)
  })

  it("offers Axon Studio under Windows' Open with for .json files, as the .axon.json association's ProgID (Windows never looks at .axon.json)", async () => {
    const config = await builderConfig()
    expect(packCheck.nsisOpenWithProblems(config, root)).toEqual([])
    const nsis = config.nsis as object
    expect(packCheck.nsisOpenWithProblems({ ...config, nsis: { ...nsis, include: undefined } }, root)).toEqual(['nsis: no include to offer Axon Studio under Open with for .json files (Windows ignores .axon.json)'])
    const renamed = (config.fileAssociations as Array<object>).map((a) => ({ ...a, name: 'Axon project' }))
    expect(packCheck.nsisOpenWithProblems({ ...config, fileAssociations: renamed }, root)).toEqual([
      "nsis: resources/build/installer.nsh does not add Axon project to .json's Open with",
      "nsis: resources/build/installer.nsh does not remove Axon project from .json's Open with on uninstall",
    ])
  })

  it('gives each start of the portable .exe a folder of its own, so a second start (a project opened while the app runs) does not unpack over the running app (fails on the old config: its folder was named at build time)', async () => {
    const config = await builderConfig()
    expect(packCheck.portableProblems(config)).toEqual([])
    const portable = config.portable as object
    const wanted = 'portable: unpackDirName must be true (a folder per start: a second start must not unpack over the running app)'
    expect(packCheck.portableProblems({ ...config, portable: { ...portable, unpackDirName: undefined } })).toEqual([wanted])
    expect(packCheck.portableProblems({ ...config, portable: { ...portable, unpackDirName: false } })).toEqual([wanted])
    // An electron-builder that reads the option otherwise (as its docs say it does) is caught.
    const builder = mkdtempSync(join(tmpdir(), 'axon-builder-'))
    mkdirSync(join(builder, 'out', 'targets', 'nsis'), { recursive: true })
    mkdirSync(join(builder, 'templates', 'nsis'), { recursive: true })
    writeFileSync(join(builder, 'out', 'targets', 'nsis', 'NsisTarget.js'), 'if (unpackDirName !== false) {')
    writeFileSync(join(builder, 'templates', 'nsis', 'portable.nsi'), 'StrCpy $INSTDIR "$PLUGINSDIR\\app"')
    expect(packCheck.portableProblems(config, builder).join()).toMatch(/NsisTarget.js no longer reads unpackDirName true/)
    rmSync(builder, { recursive: true, force: true })
  })

  it("offers Axon Studio under Linux's Open with for project and trained-model files (JSON to the file manager), in the deb and the AppImage", async () => {
    const config = await builderConfig()
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(await packCheck.linuxOpenWithProblems(config, pkg)).toEqual([])
    // The config before: its MimeType under desktop.entry, which electron-builder overwrites with its own list.
    const linux = config.linux as Record<string, unknown>
    const before = { ...config, linux: { ...linux, mimeTypes: undefined, desktop: { entry: { MimeType: 'application/x-axon-project+json;x-scheme-handler/axon-studio;' } } } }
    expect(await packCheck.linuxOpenWithProblems(before, pkg)).toEqual([
      'linux deb: the .desktop MimeType does not list application/json',
      `linux deb: the .desktop MimeType does not list ${packCheck.PROJECT_MIME_TYPE}`,
      'linux appImage: the .desktop MimeType does not list application/json',
      `linux appImage: the .desktop MimeType does not list ${packCheck.PROJECT_MIME_TYPE}`,
    ])
  })

  it("marks the deb's *.axon.json type as JSON: a sub-class-of application/json, not electron-builder's type of its own (fails on the old config)", async () => {
    const config = await builderConfig()
    expect(packCheck.linuxMimeProblems(config, root, 'axon-studio')).toEqual([])
    // The config before: the association's mimeType, from which electron-builder writes a type with no parent.
    const associations = (config.fileAssociations as object[]).map((a) => ({ ...a, mimeType: packCheck.PROJECT_MIME_TYPE }))
    const deb = config.deb as object
    expect(packCheck.linuxMimeProblems({ ...config, fileAssociations: associations, deb: { ...deb, fpm: undefined } }, root, 'axon-studio')).toEqual([
      "fileAssociations: axon.json has a mimeType: electron-builder would write its own file for it (no sub-class-of application/json), over the deb's",
      'deb: no shared-mime-info file installed as /usr/share/mime/packages/axon-studio.xml (deb.fpm: <file>=/usr/share/mime/packages/axon-studio.xml)',
    ])
    // A file without the parent type, or without the glob, is caught.
    const dir = mkdtempSync(join(tmpdir(), 'axon-mime-'))
    writeFileSync(join(dir, 'mime.xml'), `<mime-info><mime-type type="${packCheck.PROJECT_MIME_TYPE}"><glob pattern="*.axon"/><!-- <sub-class-of type="application/json"/> --></mime-type></mime-info>`)
    const linux = config.linux as object
    const ours = { ...config, deb: { ...deb, fpm: ['mime.xml=/usr/share/mime/packages/axon-studio.xml'] }, linux: { ...linux, extraFiles: [{ from: 'mime.xml', to: 'usr/share/mime/packages/axon-studio.xml' }] } }
    expect(packCheck.linuxMimeProblems(ours, dir, 'axon-studio')).toEqual([
      `deb: mime.xml: ${packCheck.PROJECT_MIME_TYPE} has no *.axon.json glob`,
      `deb: mime.xml: ${packCheck.PROJECT_MIME_TYPE} is not a sub-class-of application/json (the file manager would not know a project is JSON)`,
    ])
    // Nor in the AppImage.
    expect(packCheck.linuxMimeProblems({ ...config, linux: { ...linux, extraFiles: [] } }, root, 'axon-studio')).toEqual([
      'appImage: resources/build/linux/axon-studio-mime.xml is not among linux.extraFiles as usr/share/mime/packages/axon-studio.xml (AppImageLauncher and appimaged install the type from there)',
    ])
    rmSync(dir, { recursive: true, force: true })
  })

  it("keeps Chromium's sandbox on for an integrated AppImage where it works: its menu entry passes no --no-sandbox (fails on the old config: electron-builder's default passed it)", async () => {
    const config = await builderConfig()
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(await packCheck.appImageSandboxProblems(config, pkg)).toEqual([])
    expect(await packCheck.appImageSandboxProblems({ ...config, appImage: undefined }, pkg)).toEqual([
      "appImage: its desktop entry turns Chromium's sandbox off (Exec=AppRun --no-sandbox %U): set appImage.executableArgs to []",
    ])
  })

  it('lists under MimeType only what the app opens from a command line (Exec … %U)', async () => {
    const config = await builderConfig()
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    // A file or link of each type, as a Linux launcher passes it (a path or a file: URL).
    const example: Record<string, string> = {
      'application/json': '/home/student/xor.model.json',
      [packCheck.PROJECT_MIME_TYPE]: 'file:///home/student/xor.axon.json',
      'x-scheme-handler/axon-studio': 'axon-studio://open#share=abc',
    }
    const types = packCheck.desktopMimeTypes(await packCheck.linuxDesktopEntry(config, pkg))
    expect(types.length).toBeGreaterThan(0)
    for (const type of types) {
      expect(example[type], `a file of type ${type}`).toBeDefined()
      const argv = ['/opt/Axon Studio/axon-studio', example[type]]
      expect(launchPathsFromArgv(argv, '/home/student').length + shareTextsFromArgv(argv).length, type).toBe(1)
    }
  })

  it('finds a remote URL if one appears in the renderer bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'axon-bundle-'))
    try {
      writeFileSync(join(dir, 'a.js'), 'const ns = "http://www.w3.org/2000/svg"; // react.dev links: https://react.dev/errors/1')
      expect(packCheck.remoteHosts(dir)).toEqual([])
      writeFileSync(join(dir, 'b.js'), 'fetch("https://cdn.example.com/model.json")')
      expect(packCheck.remoteHosts(dir)).toEqual([`cdn.example.com (in ${join(dir, 'b.js')})`])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('packs an unpacked Linux app: asar contents, fuses flipped, production CSP, no remote host', async () => {
    buildBundles()
    const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8')
    expect(html).toMatch(/connect-src 'self'[;"]/)
    expect(html).not.toContain('ws:')
    for (const part of ['renderer', 'main', 'preload']) expect(packCheck.remoteHosts(join(root, 'out', part))).toEqual([])
    const work = mkdtempSync(join(tmpdir(), 'axon-pack-'))
    try {
      const fake = fakeElectronDist(work)
      const output = join(work, 'dist')
      execFileSync(
        join(root, 'node_modules/.bin/electron-builder'),
        ['--dir', '--linux', '--x64', '--publish', 'never', `-c.electronDist=${fake}`, `-c.directories.output=${output}`],
        { cwd: root, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
      )
      const unpacked = join(output, 'linux-unpacked')
      const asarPath = join(unpacked, 'resources', 'app.asar')
      expect(existsSync(asarPath)).toBe(true)
      const asar = require('@electron/asar') as { listPackage(path: string, options: object): string[] }
      const files = asar.listPackage(asarPath, {}).map((f) => f.replaceAll('\\', '/'))
      for (const needed of ['/out/main/index.cjs', '/out/main/engineHost.cjs', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules/comlink/package.json']) {
        expect(files).toContain(needed)
      }
      // Every package main and the engine process require() at run time is in the asar (a dependency
      // moved to devDependencies would stop the packaged engine at start, over and over).
      for (const name of bareRequires([join(root, 'out/main'), join(root, 'out/preload')])) expect(files).toContain(`/node_modules/${name}/package.json`)
      expect(files.some((f) => f.startsWith('/src/'))).toBe(false)
      expect(files.some((f) => f.startsWith('/node_modules/react/'))).toBe(false)
      expect(files.some((f) => f.startsWith('/dist-web/'))).toBe(false)
      expect(files.some((f) => f.endsWith('.map'))).toBe(false)

      const F = fuses.FuseV1Options
      const wire = await fuses.getCurrentFuseWire(join(unpacked, 'axon-studio'))
      expect(wire[F.RunAsNode]).toBe(S.DISABLE)
      expect(wire[F.EnableNodeOptionsEnvironmentVariable]).toBe(S.DISABLE)
      expect(wire[F.EnableNodeCliInspectArguments]).toBe(S.DISABLE)
      expect(wire[F.EnableEmbeddedAsarIntegrityValidation]).toBe(S.ENABLE)
      expect(wire[F.OnlyLoadAppFromAsar]).toBe(S.ENABLE)
      expect(wire[F.GrantFileProtocolExtraPrivileges]).toBe(S.DISABLE)

      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
      expect(pkg.main).toBe('./out/main/index.cjs')
      // The project type where an AppImage's integration looks for it (the unpacked app is its AppDir).
      expect(readFileSync(join(unpacked, 'usr/share/mime/packages/axon-studio.xml'), 'utf8')).toBe(readFileSync(join(root, 'resources/build/linux/axon-studio-mime.xml'), 'utf8'))
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }, 300_000)

  it.runIf(process.platform === 'linux')("builds the deb as electron-builder hands it to fpm (a stand-in that records it): control fields, the desktop entry, the project type, the install scripts, no update files", async () => {
    buildBundles()
    const work = mkdtempSync(join(tmpdir(), 'axon-deb-'))
    try {
      const captured = join(work, 'captured')
      const fpm = join(work, 'fpm')
      writeFileSync(fpm, `#!${process.execPath}\n${recordingFpm(captured)}`)
      chmodSync(fpm, 0o755)
      const output = join(work, 'dist')
      execFileSync(join(root, 'node_modules/.bin/electron-builder'), ['--linux', 'deb', '--x64', '--publish', 'never', `-c.electronDist=${fakeElectronDist(work)}`, `-c.directories.output=${output}`], {
        cwd: root,
        stdio: 'pipe',
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CUSTOM_FPM_PATH: fpm },
      })
      const args = JSON.parse(readFileSync(join(captured, 'args.json'), 'utf8')) as string[]
      const values = (flag: string) => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []))
      const file = (path: string) => readFileSync(join(captured, 'files', path), 'utf8')
      expect(values('-t')).toEqual(['deb'])
      expect(values('--name')).toEqual(['axon-studio'])
      expect(values('--package')[0]).toBe(join(output, 'axon-studio_0.1.0_amd64.deb'))
      // Offline, a recommended package apt knows but cannot fetch fails the whole install.
      expect(values('--deb-recommends')).toEqual([])
      // xdg-utils: the share links' handler is registered with xdg-mime and xdg-settings.
      expect(values('-d')).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'xdg-utils']))
      const mapped = args.filter((a) => /^[^-].*=\//.test(a)).map((a) => a.slice(a.indexOf('=/') + 1))
      expect(mapped.sort()).toEqual(['/opt/Axon Studio', '/usr/share/applications/axon-studio.desktop', '/usr/share/icons/hicolor/512x512/apps/axon-studio.png', '/usr/share/mime/packages/axon-studio.xml'])
      expect(file('usr/share/mime/packages/axon-studio.xml')).toBe(readFileSync(join(root, 'resources/build/linux/axon-studio-mime.xml'), 'utf8'))
      const entry = file('usr/share/applications/axon-studio.desktop')
      expect(entry).toContain('Exec="/opt/Axon Studio/axon-studio" %U\n')
      expect(packCheck.desktopMimeTypes(entry)).toEqual(['application/x-axon-project+json', 'application/json', 'x-scheme-handler/axon-studio'])
      // The window's WM_CLASS and Wayland app id come from package.json's desktopName (Electron 42+): the dock finds the entry by it.
      expect(entry).toContain(`StartupWMClass=${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).desktopName.replace(/\.desktop$/, '')}\n`)
      const afterInstall = readFileSync(join(captured, 'after-install'), 'utf8')
      expect(afterInstall).toContain('update-mime-database /usr/share/mime')
      expect(afterInstall).toContain('update-desktop-database /usr/share/applications')
      const resources = readdirSync(join(output, 'linux-unpacked', 'resources')).sort()
      expect(resources).toEqual(['app.asar', 'apparmor-profile', 'licenses'])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }, 300_000)
})

/** The shared MIME database's own types (application/json among them), which the deb's file extends. */
const FREEDESKTOP_TYPES = '/usr/share/mime/packages/freedesktop.org.xml'
const mimeToolsMissing = ['/usr/bin/update-mime-database', FREEDESKTOP_TYPES].find((file) => !existsSync(file))

describeUnless(mimeToolsMissing ? `needs shared-mime-info (${mimeToolsMissing}): apt-get install shared-mime-info` : null, "the deb's project type in a real shared MIME database", () => {
  it('update-mime-database makes *.axon.json the project type, a subclass of JSON, as a desktop installing the deb does', async () => {
    const config = await builderConfig()
    const [source, destination] = ((config.deb as { fpm: string[] }).fpm[0] ?? '').split('=')
    const data = mkdtempSync(join(tmpdir(), 'axon-xdg-'))
    mkdirSync(join(data, 'mime', 'packages'), { recursive: true })
    writeFileSync(join(data, 'mime', 'packages', 'freedesktop.org.xml'), readFileSync(FREEDESKTOP_TYPES))
    writeFileSync(join(data, 'mime', 'packages', destination.split('/').at(-1) ?? ''), readFileSync(join(root, source)))
    execFileSync('update-mime-database', [join(data, 'mime')])
    const lines = (file: string) => readFileSync(join(data, 'mime', file), 'utf8').split('\n')
    expect(lines('subclasses')).toContain(`${packCheck.PROJECT_MIME_TYPE} application/json`)
    expect(lines('globs2')).toContain(`50:${packCheck.PROJECT_MIME_TYPE}:*.axon.json`)
    // GLib (GNOME's Files, GTK's file chooser) types a project by it; plain *.json stays JSON.
    if (existsSync('/usr/bin/gio')) {
      writeFileSync(join(data, 'xor.axon.json'), '{}')
      writeFileSync(join(data, 'xor.json'), '{}')
      const env = { ...process.env, XDG_DATA_HOME: data, XDG_DATA_DIRS: join(data, 'none') }
      const typeOf = (file: string) => execFileSync('gio', ['info', '-a', 'standard::content-type', join(data, file)], { env, encoding: 'utf8' }).match(/content-type: (\S+)/)?.[1]
      expect(typeOf('xor.axon.json')).toBe(packCheck.PROJECT_MIME_TYPE)
      expect(typeOf('xor.json')).toBe('application/json')
    }
    rmSync(data, { recursive: true, force: true })
  })
})
