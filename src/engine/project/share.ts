/**
 * Share links: a project carried in a URL (`…#share=v1.<payload>`), as TensorFlow Playground
 * carries its state. The payload is the project file's JSON, deflated (fflate) and written in
 * base64url, so a teacher can hand out a network, its settings and its data (typed-in tables and
 * built-in sets live in the project) as one link. Format 2 (`#share=v2.…`) also carries small local
 * data files (`shareData.ts`); a link without files is still written as format 1, which every
 * version reads. The version before the dot says how to read the rest: a link from a newer app
 * says so instead of failing as "damaged". Pure TypeScript.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { base64Decode } from '../kernels/base64'
import { parseProject, serializeProject } from './parse'
import { dataFilePaths, packShareBundle, sharedFileName, unpackShareBundle, withSharedFileNames, type SharedDataFile } from './shareData'
import type { Project } from './types'

export type { SharedDataFile } from './shareData'

/** The newest share-link format this code reads (and writes when data files travel). */
export const SHARE_VERSION = 2
/** The key in the URL's fragment: `#share=v1.…`. */
export const SHARE_KEY = 'share'
/** Longest payload a link may carry (characters): browsers and chat apps cut longer URLs. */
export const MAX_SHARE_CHARS = 60_000

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Bytes as base64url without padding (URL-safe: no `+`, `/` or `=`). */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63]
  }
  return out
}

/** base64url (no padding) → bytes; null on a character that cannot be in it. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (/[^A-Za-z0-9_-]/.test(text)) return null
  return base64Decode(text.replace(/-/g, '+').replace(/_/g, '/'))
}

export type ShareEncoding = { ok: true; fragment: string } | { ok: false; message: string }

/** A size as people read it: bytes below 1 kB, else kB (one decimal below 10 kB). */
export function shareSizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`
  return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`
}

/**
 * The URL fragment (`share=v1.…`, without `#`) that carries `project`. Sweeps and run history
 * stay out of the link (they are results, and large); the network, its settings and its data go in.
 * `files` are the project's local data files (its file data section names them): they travel
 * in a format-2 link, under their base names.
 */
export function shareFragment(project: Project, files: readonly SharedDataFile[] = []): ShareEncoding {
  const { experiments: _experiments, runs: _runs, ...shared } = project
  if (files.length > 0 && shared.data.kind === 'file') shared.data = withSharedFileNames(shared.data)
  const json = serializeProject(shared as Project)
  const version = files.length > 0 ? 2 : 1
  const packed = version === 2 ? packShareBundle(json, files) : strToU8(json)
  const payload = base64UrlEncode(deflateSync(packed, { level: 9 }))
  if (payload.length <= MAX_SHARE_CHARS) return { ok: true, fragment: `${SHARE_KEY}=v${version}.${payload}` }
  const limit = `${MAX_SHARE_CHARS / 1000} kB`
  if (files.length === 0) {
    return { ok: false, message: `This network is too large for a link (${Math.ceil(payload.length / 1000)} kB packed, at most ${limit}): save it as a file and share the file instead.` }
  }
  const names = files.map((f) => `${f.name}, ${shareSizeText(f.bytes.length)}`).join('; ')
  return { ok: false, message: `The data (${names}) makes this link ${shareSizeText(payload.length)}; a link holds at most ${limit}. Share the project file and the data file instead.` }
}

export type ShareReading = { ok: true; project: Project; files: SharedDataFile[] } | { ok: false; message: string }

const DAMAGED = 'This share link is damaged: part of it is missing or changed. Copy the whole link again (it is long) and open it once more.'

/** The share-link text in a URL fragment (`#share=…` or `share=…`), or null when there is none. */
export function shareTextOf(fragment: string): string | null {
  const match = new RegExp(`^#?${SHARE_KEY}=(.*)$`, 's').exec(fragment)
  return match ? match[1] : null
}

/**
 * The project a share link carries, from the text after `share=`. A newer link version, a
 * damaged payload and a project the app cannot read each get their own message.
 */
export function readShareText(text: string): ShareReading {
  const match = /^v(\d+)\.([A-Za-z0-9_-]*)$/.exec(text.trim())
  if (!match) return { ok: false, message: DAMAGED }
  const version = Number(match[1])
  if (version > SHARE_VERSION) {
    return { ok: false, message: `This share link was made by a newer Axon Studio (link format ${version}); this one reads format ${SHARE_VERSION}. Update Axon Studio to open it.` }
  }
  if (version < 1) return { ok: false, message: DAMAGED }
  const bytes = base64UrlDecode(match[2])
  let unpacked: { projectJson: string; files: SharedDataFile[] } | null
  try {
    if (!bytes || bytes.length === 0) return { ok: false, message: DAMAGED }
    const inflated = inflateSync(bytes)
    unpacked = version === 1 ? { projectJson: strFromU8(inflated), files: [] } : unpackShareBundle(inflated)
  } catch {
    return { ok: false, message: DAMAGED }
  }
  if (!unpacked) return { ok: false, message: DAMAGED }
  const parsed = parseProject(unpacked.projectJson)
  if (!parsed.ok) {
    // Cut short of a valid project: a payload cut at a deflate block boundary, or a newer project.
    const newer = parsed.errors.find((e) => /newer Axon Studio/.test(e.message))
    if (newer) return { ok: false, message: newer.message }
    if (parsed.errors.some((e) => e.path === '$')) return { ok: false, message: DAMAGED }
    return { ok: false, message: `The shared network cannot be opened: ${parsed.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('; ')}.` }
  }
  if (!filesMatchData(parsed.project, unpacked.files)) return { ok: false, message: DAMAGED }
  return { ok: true, project: parsed.project, files: unpacked.files }
}

/** A link's files are the ones its project's data names, by base name (a link this app wrote). */
function filesMatchData(project: Project, files: readonly SharedDataFile[]): boolean {
  if (files.length === 0) return true
  if (project.data.kind !== 'file') return false
  const names = dataFilePaths(project.data)
  return names.every((p) => sharedFileName(p) === p) && files.every((f) => names.includes(f.name))
}
