// Offline check of the installer setup: validates electron-builder.yml against electron-builder's
// schema, then (with --dir) packs the app against a stand-in Electron so the asar's contents can be
// inspected. Real installers need the Electron download: `npm run dist` on a connected machine.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { DebugLogger } = require('builder-util')

getConfig(process.cwd(), null, null)
  .then((config) => validateConfiguration(config, new DebugLogger(false)))
  .then(
    () => console.log('electron-builder config OK'),
    (error) => {
      console.error(error.message)
      process.exit(1)
    },
  )
