// Renders resources/icon.svg to resources/build/icon.png (512×512) with Debian's Chromium.
import { chromium } from 'playwright-core'
import { readFileSync } from 'node:fs'

const svg = readFileSync(new URL('../resources/icon.svg', import.meta.url), 'utf8')
const browser = await chromium.launch({ executablePath: process.env.AXON_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 512, height: 512 } })
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
await page.screenshot({ path: new URL('../resources/build/icon.png', import.meta.url).pathname, omitBackground: true })
await browser.close()
console.log('wrote resources/build/icon.png')
