// Offline check of the installer setup (run by `npm run pack:check` and test/packaging.test.ts):
// 1. electron-builder.yml passes electron-builder's own schema;
// 2. it asks for what a school needs: the security fuses, the installers and their modes, the
//    *.axon.json file association, versioned artifact names without spaces, none colliding, no
//    update feed or updater;
// 3. the built bundles (out/renderer, out/main with the engine process, out/preload, when built)
//    name no remote host: the app makes no network calls, so a URL that could be fetched has no
//    place in them.
// Real installers need the Electron download: `npm run dist` on a connected machine.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { DebugLogger } = require('builder-util')
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs')
const { dirname, join } = require('node:path')

/** The fuses the shipped binary must have (FuseV1Options names, as electron-builder takes them). */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
}

/** Hosts that appear in the bundle but are never contacted, and why. */
const HARMLESS_HOSTS = {
  'www.w3.org': 'XML namespace names (SVG), identifiers rather than addresses',
  'react.dev': "links inside React's error messages",
  'reactflow.dev': "React Flow's error-message links and its attribution link, hidden with proOptions.hideAttribution",
  '${lib}flow.dev': "React Flow's error-message link template",
  'github.com': 'a comment in a bundled library',
  'rolldown.rs': "a link in the bundler's error message for a missing require()",
  'developers.google.com': "a @see link in protobufjs's comments (ONNX export)",
  'json-schema.org': "JSON Schema dialect names ($schema) in zod's JSON Schema emitter: identifiers, never fetched",
  exa: 'a comment in zod on URL parsing ("https://exa\\nmple.com"), not an address',
  'www.ctex.org': "a comment in Temml (lesson formulas) citing the TeXbook",
  'www.apache.org': 'license headers of bundled libraries',
  'mit-license.org': 'a license header of a bundled library',
}

const targetsOf = (platform) => (platform?.target ?? []).map((t) => (typeof t === 'string' ? { target: t, arch: [] } : t))

/** Every artifact file name the config produces for `version`, as electron-builder expands it. */
function artifactNames(config, name, version) {
  const expand = (template, os, arch, ext) => template.replaceAll('${name}', name).replaceAll('${version}', version).replaceAll('${os}', os).replaceAll('${arch}', arch).replaceAll('${ext}', ext)
  const names = []
  const platforms = { linux: 'linux', win: 'win', mac: 'mac' }
  const exts = { AppImage: 'AppImage', deb: 'deb', nsis: 'exe', msi: 'msi', portable: 'exe', dmg: 'dmg' }
  for (const [key, os] of Object.entries(platforms)) {
    for (const { target, arch } of targetsOf(config[key])) {
      const template = config[target]?.artifactName ?? config[key]?.artifactName ?? config.artifactName
      // Debian names its architectures itself (x64 is amd64), and electron-builder follows it.
      const archName = (a) => (target === 'deb' && a === 'x64' ? 'amd64' : a)
      for (const a of arch.length ? arch : ['x64']) names.push({ target, file: expand(template, os, archName(a), exts[target] ?? target) })
    }
  }
  return names
}

/** Problems with what the config asks for (empty when all is as a school needs it). */
function configProblems(config, packageJson) {
  const problems = []
  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    if (config.electronFuses?.[fuse] !== value) problems.push(`electronFuses.${fuse} must be ${value}`)
  }
  const assoc = config.fileAssociations ?? []
  if (!assoc.some((a) => a.ext === 'axon.json')) problems.push('no *.axon.json file association')
  if (!(config.protocols ?? []).some((p) => p.schemes?.includes('axon-studio'))) problems.push('no axon-studio: protocol (share links)')
  const targets = (key) => targetsOf(config[key])
  const has = (key, target, archs) => targets(key).some((t) => t.target === target && archs.every((a) => t.arch.includes(a)))
  if (!has('win', 'nsis', ['x64'])) problems.push('win: NSIS x64 missing')
  if (!has('win', 'msi', ['x64'])) problems.push('win: MSI x64 missing')
  if (!has('win', 'portable', ['x64'])) problems.push('win: portable missing')
  if (!has('mac', 'dmg', ['universal']) && !has('mac', 'dmg', ['x64', 'arm64'])) problems.push('mac: dmg for x64 and arm64 missing')
  if (!has('linux', 'AppImage', ['x64', 'arm64'])) problems.push('linux: AppImage x64 + arm64 missing')
  if (!has('linux', 'deb', ['x64', 'arm64'])) problems.push('linux: deb x64 + arm64 missing')
  if (config.nsis?.oneClick !== false || config.nsis?.perMachine !== false) problems.push('nsis: must be assisted (oneClick false) and per-user by default (perMachine false), /allusers for per-machine')
  if (config.msi?.perMachine !== true) problems.push('msi: must be per-machine')
  if (!/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/.test(config.msi?.upgradeCode ?? '')) problems.push('msi: upgradeCode must be a fixed GUID')
  const jsonType = (config.mac?.extendInfo?.CFBundleDocumentTypes ?? []).find((t) => (t.LSItemContentTypes ?? []).includes('public.json'))
  if (jsonType?.LSHandlerRank !== 'Alternate') problems.push("mac: Axon Studio must be an Alternate handler of public.json (macOS types xor.axon.json as JSON), never its default")
  if (!packageJson.desktopName) problems.push('package.json: desktopName missing (Linux desktop integration)')
  // The lessons' math font (STIX Two Math, bundled in the renderer) ships under the SIL OFL, whose text must go with it.
  if (!(config.extraResources ?? []).some((r) => r.from === 'resources/licenses')) problems.push('extraResources: resources/licenses (the math font\'s licence) must ship with the app')
  // Installed offline, apt fails as a whole on a recommended package it knows but cannot download (electron-builder's default: libappindicator3-1, for a tray).
  if (!Array.isArray(config.deb?.recommends) || config.deb.recommends.length > 0) problems.push('deb: must recommend nothing (recommends: []): offline, apt would fail to fetch a recommended package')
  // Nothing that updates itself over the network: no update feed in the app, no updater in it.
  if (config.publish !== null) problems.push('publish must be null: no update feed (app-update.yml) in the app')
  const shipped = Object.keys(packageJson.dependencies ?? {})
  for (const updater of ['electron-updater', 'update-electron-app']) if (shipped.includes(updater)) problems.push(`package.json: ${updater} would check for updates online`)
  const names = artifactNames(config, packageJson.name, packageJson.version)
  for (const { file } of names) {
    if (/\s/.test(file)) problems.push(`artifact name has a space: ${file}`)
    if (!file.includes(packageJson.version)) problems.push(`artifact name has no version: ${file}`)
  }
  const files = names.map((n) => n.file)
  for (const file of new Set(files)) if (files.filter((f) => f === file).length > 1) problems.push(`two targets write ${file}`)
  return problems
}

/**
 * Windows goes by a file's last extension (".json"), so the *.axon.json association alone never
 * reaches Explorer: the NSIS include must list the association's ProgID (its name) under .json's
 * Open with, and take it away on uninstall.
 */
function nsisOpenWithProblems(config, root) {
  const progId = (config.fileAssociations ?? []).find((a) => a.ext === 'axon.json')?.name
  const include = config.nsis?.include
  if (!include || !existsSync(join(root, include))) return ['nsis: no include to offer Axon Studio under Open with for .json files (Windows ignores .axon.json)']
  const text = readFileSync(join(root, include), 'utf8')
  const key = `"Software\\Classes\\.json\\OpenWithProgids" "${progId}"`
  const problems = []
  if (!text.includes(`WriteRegNone SHELL_CONTEXT ${key}`)) problems.push(`nsis: ${include} does not add ${progId} to .json's Open with`)
  if (!text.includes(`DeleteRegValue SHELL_CONTEXT ${key}`)) problems.push(`nsis: ${include} does not remove ${progId} from .json's Open with on uninstall`)
  return problems
}

/**
 * The MSI project electron-builder writes for this config (its own MsiTarget and WiX template,
 * given what they read of the packager), the app's folder holding only its executable: the
 * *.axon.json ProgId and the components are what a real build compiles.
 */
async function msiProject(config, packageJson) {
  // The package's entry first: MsiTarget required on its own meets app-builder-lib's import cycle half-loaded.
  require('app-builder-lib')
  const MsiTarget = require('app-builder-lib/out/targets/MsiTarget').default
  const { getEffectiveOptions } = require('app-builder-lib/out/options/CommonWindowsInstallerConfiguration')
  const { mkdtempSync, rmSync, writeFileSync } = require('node:fs')
  const { tmpdir } = require('node:os')
  const productName = config.productName ?? packageJson.productName
  const appInfo = { productName, productFilename: productName, sanitizedProductName: productName, sanitizedName: packageJson.name, id: config.appId, companyName: packageJson.author?.name ?? null, description: packageJson.description, getVersionInWeirdWindowsForm: () => `${packageJson.version}.0` }
  const packager = { appInfo, config, platformSpecificBuildOptions: config.win ?? {}, fileAssociations: [...(config.fileAssociations ?? []), ...(config.win?.fileAssociations ?? [])], compression: 'normal', getIconPath: async () => null, expandMacro: (s) => s }
  const target = new MsiTarget(packager, tmpdir())
  const appDir = mkdtempSync(join(tmpdir(), 'axon-msi-'))
  try {
    writeFileSync(join(appDir, `${productName}.exe`), '')
    return await target.writeManifest(appDir, 1, getEffectiveOptions(target.options, packager))
  } finally {
    rmSync(appDir, { recursive: true, force: true })
  }
}

/**
 * Windows goes by a file's last extension (".json"), and the MSI takes no NSIS include: its
 * msiProjectCreated hook (scripts/msiOpenWith.cjs) must list the association's ProgId under
 * .json's Open with, in the executable's component (so uninstalling removes it). Run here on the
 * project electron-builder writes, through the hook the config names.
 */
async function msiOpenWithProblems(config, packageJson, root) {
  const hookPath = typeof config.msiProjectCreated === 'string' ? join(root, config.msiProjectCreated) : null
  if (!hookPath || !existsSync(hookPath)) return ['msi: no msiProjectCreated hook to offer Axon Studio under Open with for .json files (Windows ignores .axon.json)']
  const hook = require(hookPath)
  const { mkdtempSync, rmSync, writeFileSync } = require('node:fs')
  const { tmpdir } = require('node:os')
  const dir = mkdtempSync(join(tmpdir(), 'axon-wxs-'))
  const projectFile = join(dir, 'project.wxs')
  try {
    writeFileSync(projectFile, await msiProject(config, packageJson))
    await hook.msiProjectCreated(projectFile)
    const wxs = readFileSync(projectFile, 'utf8')
    const progId = hook.axonProgId(wxs)
    if (!progId) return ['msi: electron-builder wrote no ProgId for *.axon.json']
    const component = wxs.split('<Component').find((c) => c.includes('Id="mainExecutable"')) ?? ''
    return component.includes(hook.openWithValue(progId)) ? [] : [`msi: ${progId} is not listed under .json's Open with in the executable's component`]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The Windows portable .exe unpacks the app into a folder under %TEMP% at each start, runs it,
 * and deletes that folder once it exits (electron-builder's templates/nsis/portable.nsi). By
 * default the folder's name is fixed when the .exe is built (UNPACK_DIR_NAME, the build's KSUID),
 * so a second start (opening a project while the app runs) empties and unpacks over the folder
 * the running app runs from, and deletes it as it ends (electron-builder issue #5764). With
 * unpackDirName true, electron-builder 26 defines no UNPACK_DIR_NAME and each start unpacks into
 * its own $PLUGINSDIR\app. (Its docs say `false` does so; its code reads `false` as the build's
 * KSUID: `typeof unpackDirName === "string" || !unpackDirName`.) Those lines of electron-builder
 * are checked too, so an upgrade that reads the option otherwise fails here.
 */
function portableProblems(config, builderDir = dirname(require.resolve('app-builder-lib/package.json'))) {
  const problems = []
  if (config.portable?.unpackDirName !== true) problems.push('portable: unpackDirName must be true (a folder per start: a second start must not unpack over the running app)')
  const target = readFileSync(join(builderDir, 'out', 'targets', 'nsis', 'NsisTarget.js'), 'utf8')
  const script = readFileSync(join(builderDir, 'templates', 'nsis', 'portable.nsi'), 'utf8')
  const relied = [
    [target, 'if (typeof unpackDirName === "string" || !unpackDirName) {', 'NsisTarget.js no longer reads unpackDirName true as "no fixed folder"'],
    [script, 'StrCpy $INSTDIR "$PLUGINSDIR\\app"', 'portable.nsi no longer unpacks into $PLUGINSDIR\\app without UNPACK_DIR_NAME'],
  ]
  for (const [text, line, problem] of relied) if (!text.includes(line)) problems.push(`portable: electron-builder's ${problem}: check unpackDirName`)
  return problems
}

/**
 * The .desktop entry the deb and the AppImage install, as electron-builder writes it (its own
 * LinuxTargetHelper, given what it reads of the packager): the MimeType there is electron-builder's
 * own, from linux.mimeTypes, the file associations and the protocols.
 */
async function linuxDesktopEntry(config, packageJson, target = 'deb') {
  // Each Linux target's options are linux's, overridden by its own section (deb, appImage).
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper')
  const linux = config.linux ?? {}
  const packager = {
    config,
    platformSpecificBuildOptions: linux,
    fileAssociations: [...(config.fileAssociations ?? []), ...(linux.fileAssociations ?? [])],
    executableName: linux.executableName ?? packageJson.name,
    appInfo: { productName: packageJson.productName, sanitizedProductName: packageJson.productName, description: packageJson.description, buildVersion: packageJson.version },
    info: { metadata: packageJson },
  }
  const helper = new LinuxTargetHelper(packager)
  if (target !== 'appImage') return helper.computeDesktopEntry({ ...linux, ...(config[target] ?? {}) })
  // The AppImage's entry runs its AppRun with the target's own arguments (AppImageTarget).
  const AppImageTarget = require('app-builder-lib/out/targets/appimage/AppImageTarget').default
  return new AppImageTarget(null, packager, helper, null).desktopEntry.value
}

/**
 * The AppImage's desktop entry (what AppImageLauncher or appimaged put in the menu) started the
 * app with --no-sandbox by default (electron-builder: executableArgs, for its fuse2 AppImages),
 * turning Chromium's sandbox off for every student where it works. Its AppRun adds --no-sandbox
 * itself only where user namespaces are restricted (it tries `unshare -Ur true`), so the entry
 * needs none: appImage.executableArgs is empty.
 */
async function appImageSandboxProblems(config, packageJson) {
  const entry = await linuxDesktopEntry(config, packageJson, 'appImage')
  const exec = entry.split('\n').find((line) => line.startsWith('Exec=')) ?? ''
  return exec.includes('--no-sandbox') ? [`appImage: its desktop entry turns Chromium's sandbox off (${exec}): set appImage.executableArgs to []`] : []
}

/** The project files' MIME type: the deb's shared-mime-info file defines it, the .desktop entry lists it. */
const PROJECT_MIME_TYPE = 'application/x-axon-project+json'

/** The <mime-type> definitions in a shared-mime-info XML file: each type's globs and parents. */
function mimeDefinitions(xml) {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '')
  return [...text.matchAll(/<mime-type\s+type="([^"]+)"\s*>([\s\S]*?)<\/mime-type>/g)].map(([, type, body]) => ({
    type,
    globs: [...body.matchAll(/<glob\s+pattern="([^"]+)"/g)].map((m) => m[1]),
    parents: [...body.matchAll(/<sub-class-of\s+type="([^"]+)"/g)].map((m) => m[1]),
  }))
}

/**
 * The deb's file type for projects. electron-builder writes a fileAssociation's mimeType into
 * /usr/share/mime/packages/<executable>.xml with a glob and no <sub-class-of>: *.axon.json then
 * becomes a type of its own, not JSON, to the file manager (no text editor under Open with, no
 * JSON icon); in the AppImage its glob is even left out ("axon.json" fails its extension check).
 * So no fileAssociation carries a mimeType, and the deb installs our own file (deb.fpm maps it)
 * with the glob and application/json as the parent; linux.mimeTypes lists the type in the
 * .desktop entry.
 */
function linuxMimeProblems(config, root, executableName) {
  const problems = []
  const withType = [...(config.fileAssociations ?? []), ...(config.linux?.fileAssociations ?? [])].filter((a) => a.mimeType)
  for (const a of withType) problems.push(`fileAssociations: ${a.ext} has a mimeType: electron-builder would write its own file for it (no sub-class-of application/json), over the deb's`)
  const destination = `/usr/share/mime/packages/${executableName}.xml`
  const mapping = (config.deb?.fpm ?? []).find((arg) => typeof arg === 'string' && arg.endsWith(`=${destination}`))
  const source = mapping?.slice(0, -destination.length - 1)
  if (!source || !existsSync(join(root, source))) return [...problems, `deb: no shared-mime-info file installed as ${destination} (deb.fpm: <file>=${destination})`]
  // The AppImage carries the same file where integration tools look for it (its AppDir is the unpacked app).
  const inAppImage = (config.linux?.extraFiles ?? []).some((f) => f.from === source && f.to === destination.slice(1))
  if (!inAppImage) problems.push(`appImage: ${source} is not among linux.extraFiles as ${destination.slice(1)} (AppImageLauncher and appimaged install the type from there)`)
  const project = mimeDefinitions(readFileSync(join(root, source), 'utf8')).find((d) => d.type === PROJECT_MIME_TYPE)
  if (!project) return [...problems, `deb: ${source} does not define ${PROJECT_MIME_TYPE}`]
  if (!project.globs.includes('*.axon.json')) problems.push(`deb: ${source}: ${PROJECT_MIME_TYPE} has no *.axon.json glob`)
  if (!project.parents.includes('application/json')) problems.push(`deb: ${source}: ${PROJECT_MIME_TYPE} is not a sub-class-of application/json (the file manager would not know a project is JSON)`)
  return problems
}

/** The MIME types a .desktop entry lists (its MimeType key). */
function desktopMimeTypes(entry) {
  const line = entry.split('\n').find((l) => l.startsWith('MimeType='))
  return line ? line.slice('MimeType='.length).split(';').filter(Boolean) : []
}

/**
 * Linux offers an app under "Open with" for the MIME types its .desktop entry lists. Project and
 * trained-model files are application/json to the file manager (*.axon.json is the project type
 * only where the deb's mime package is installed), so the entry must list it beside the project
 * type and the share links' scheme, in both the deb and the AppImage.
 */
async function linuxOpenWithProblems(config, packageJson) {
  const problems = []
  const wanted = ['application/json', PROJECT_MIME_TYPE, 'x-scheme-handler/axon-studio']
  for (const target of ['deb', 'appImage']) {
    const listed = desktopMimeTypes(await linuxDesktopEntry(config, packageJson, target))
    for (const type of wanted) if (!listed.includes(type)) problems.push(`linux ${target}: the .desktop MimeType does not list ${type}`)
  }
  return problems
}

function* filesUnder(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* filesUnder(path)
    else yield path
  }
}

/** Remote hosts named in the text files under `dir` that are not known to be harmless. */
function remoteHosts(dir) {
  const found = new Map()
  for (const file of filesUnder(dir)) {
    if (!/\.(m?js|cjs|html|css|json|svg)$/.test(file)) continue
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\b(?:https?|wss?|ftp):\/\/(\$\{[a-z]+\}[a-z0-9.-]*|[a-z0-9.-]+)/gi)) {
      const host = match[1].toLowerCase()
      if (host === 'localhost' || host === '127.0.0.1' || Object.hasOwn(HARMLESS_HOSTS, host)) continue
      found.set(host, file)
    }
  }
  return [...found].map(([host, file]) => `${host} (in ${file})`)
}

async function main() {
  const root = process.cwd()
  const config = await getConfig(root, null, null)
  await validateConfiguration(config, new DebugLogger(false))
  console.log('electron-builder config OK')
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const problems = [...configProblems(config, packageJson), ...nsisOpenWithProblems(config, root), ...portableProblems(config), ...(await linuxOpenWithProblems(config, packageJson)), ...linuxMimeProblems(config, root, config.linux?.executableName ?? packageJson.name), ...(await appImageSandboxProblems(config, packageJson)), ...(await msiOpenWithProblems(config, packageJson, root))]
  const renderer = join(root, 'out', 'renderer')
  // Main and the engine process make no network calls either.
  for (const part of ['renderer', 'main', 'preload']) {
    const dir = join(root, 'out', part)
    if (existsSync(dir)) problems.push(...remoteHosts(dir).map((h) => `the ${part} bundle names a remote host: ${h}`))
  }
  if (problems.length) throw new Error(problems.join('\n'))
  console.log(`installer config OK (fuses, targets, file association, Windows' Open with (NSIS and MSI) and Linux's, the deb's project type as JSON, the AppImage's sandbox, the portable's folder per start, artifact names)${existsSync(renderer) ? '; bundles name no remote host' : ''}`)
}

module.exports = { msiProject, msiOpenWithProblems, appImageSandboxProblems, PROJECT_MIME_TYPE, mimeDefinitions, linuxMimeProblems, REQUIRED_FUSES, HARMLESS_HOSTS, artifactNames, configProblems, nsisOpenWithProblems, portableProblems, linuxDesktopEntry, desktopMimeTypes, linuxOpenWithProblems, remoteHosts }

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
