#!/usr/bin/env node
// Makes the small Fashion-MNIST sample shipped in resources/data/fashion-sample/:
// the first N training and M test images (and their labels) of Debian's dataset-fashion-mnist
// (Zalando Research, MIT licence), written as gzipped IDX files in the original format.
//
//   node scripts/make-fashion-sample.mjs [--train 2000] [--test 500] [--from DIR] [--to DIR]
//
// Deterministic: the same source files give byte-identical output (gzip mtime is 0).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}

const from = arg('from', '/usr/share/datasets/fashion-mnist')
const to = arg('to', 'resources/data/fashion-sample')
const counts = { train: Number(arg('train', 2000)), t10k: Number(arg('test', 500)) }

/** First `n` items of an IDX file: same magic and trailing dims, dim 0 set to n. */
function headIdx(bytes, n) {
  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 0x08) throw new Error('not a ubyte IDX file')
  const rank = bytes[3]
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const header = 4 + 4 * rank
  let itemBytes = 1
  for (let d = 1; d < rank; d++) itemBytes *= view.getUint32(4 + 4 * d, false)
  if (n > view.getUint32(4, false)) throw new Error(`the file has fewer than ${n} items`)
  const out = Buffer.from(bytes.subarray(0, header + n * itemBytes))
  out.writeUInt32BE(n, 4)
  return out
}

mkdirSync(to, { recursive: true })
for (const set of ['train', 't10k']) {
  for (const kind of ['images-idx3', 'labels-idx1']) {
    const file = `${set}-${kind}-ubyte.gz`
    const sample = headIdx(gunzipSync(readFileSync(join(from, file))), counts[set])
    const gz = gzipSync(sample, { level: 9 })
    writeFileSync(join(to, file), gz)
    console.log(`${join(to, file)}: ${counts[set]} items, ${gz.length} bytes`)
  }
}
