// electron-builder's msiProjectCreated hook (electron-builder.yml): Axon Studio under "Open with"
// for .json files in the MSI, as resources/build/installer.nsh does for the NSIS installer.
//
// Windows picks a file's type by its last extension only: "xor.axon.json" is a ".json" file, so
// the ".axon.json" association electron-builder writes into the MSI (a ProgId with an Extension
// "axon.json") is never consulted, and the MSI, which takes no NSIS include, left a double-clicked
// project to the JSON editor with Axon Studio nowhere under Open with. This adds the association's
// ProgId to HKCR\.json\OpenWithProgids (HKLM's classes: the MSI is per-machine), in the component
// of the app's executable, so it goes when the app is uninstalled. Windows reads only the value's
// name there; the empty string value is what WiX's RegistryValue can write (it has no REG_NONE).
const { readFileSync, writeFileSync } = require('node:fs')

/** The ProgId electron-builder's MSI declares for the *.axon.json association, or null. */
function axonProgId(wxs) {
  return /<ProgId Id="([^"]+)"[^>]*>\s*<Extension Id="axon\.json"/.exec(wxs)?.[1] ?? null
}

/** The RegistryValue that lists `progId` under .json's Open with. */
const openWithValue = (progId) => `<RegistryValue Root="HKCR" Key=".json\\OpenWithProgids" Name="${progId}" Type="string" Value=""/>`

/** `wxs` with the association's ProgId listed under .json's Open with, beside the ProgId in its component. */
function addJsonOpenWith(wxs) {
  const progId = axonProgId(wxs)
  if (!progId) throw new Error('msiOpenWith: the MSI project declares no ProgId for *.axon.json (fileAssociations in electron-builder.yml)')
  if (wxs.includes(openWithValue(progId))) return wxs
  const start = wxs.indexOf(`<ProgId Id="${progId}"`)
  const end = wxs.indexOf('</ProgId>', start) + '</ProgId>'.length
  return `${wxs.slice(0, end)}\n        ${openWithValue(progId)}${wxs.slice(end)}`
}

/** The hook: electron-builder passes the path of project.wxs before WiX compiles it. */
async function msiProjectCreated(projectFile) {
  writeFileSync(projectFile, addJsonOpenWith(readFileSync(projectFile, 'utf8')))
}

module.exports = { msiProjectCreated, addJsonOpenWith, axonProgId, openWithValue }
