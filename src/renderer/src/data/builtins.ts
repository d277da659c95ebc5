/**
 * The built-in datasets the panel offers: the engine's generated sets (by their engine id) and
 * the Fashion-MNIST sample shipped in `resources/data/fashion-sample/` (bundled by Vite, read as
 * files and opened like the user's own IDX files).
 */
import { BUILTIN_DATASETS, FASHION_MNIST_LABELS, type BuiltinDatasetId } from '../../../engine/data'

export type BuiltinChoiceId = BuiltinDatasetId | 'fashionSample'

export interface BuiltinChoice {
  title: string
  description: string
  kind: 'table' | 'points2d' | 'images'
  labelNames?: readonly string[]
}

export const BUILTIN_CHOICES = {
  ...(Object.fromEntries(
    Object.entries(BUILTIN_DATASETS).map(([id, info]) => [
      id,
      { title: info.title, description: info.description, kind: info.kind },
    ]),
  ) as Record<BuiltinDatasetId, BuiltinChoice>),
  fashionSample: {
    title: 'Fashion-MNIST sample',
    description:
      '2,000 training and 500 test images (28×28) of clothes in 10 classes, from Zalando’s Fashion-MNIST (MIT licence).',
    kind: 'images',
    labelNames: FASHION_MNIST_LABELS,
  },
} satisfies Record<BuiltinChoiceId, BuiltinChoice>

const sampleUrls = import.meta.glob('../../../../resources/data/fashion-sample/*.gz', {
  eager: true,
  query: '?url',
  import: 'default',
}) as Record<string, string>

/** The sample's files as projects name them from `resources/` (`data/fashion-sample/…`). */
const SAMPLE_PATHS = new Set(Object.keys(sampleUrls).map((key) => key.slice(key.indexOf('/data/') + 1)))

/**
 * Whether a project's data path names a file of the shipped sample (`../data/fashion-sample/…`,
 * as the examples and lessons write it). A user's own file of the same name (the full
 * Fashion-MNIST has the very same names) is kept by its bare name, without that folder: it must
 * never be taken for the 2,000-image sample.
 */
export function isSamplePath(path: string): boolean {
  return SAMPLE_PATHS.has(path.replace(/^(\.\.?\/)+/, ''))
}

/** The four sample files as `File`s (fetched from the bundle). */
export async function fashionSampleFiles(): Promise<File[]> {
  return Promise.all(
    Object.entries(sampleUrls).map(
      async ([path, url]) => new File([await urlBytes(path, url)], path.split('/').pop()!),
    ),
  )
}

/**
 * The bytes behind a bundled asset's URL. Vite inlines small files as `data:` URLs, which the
 * app's Content Security Policy does not let `fetch` read, so those are decoded here.
 */
export async function urlBytes(path: string, url: string): Promise<Uint8Array<ArrayBuffer>> {
  const inline = /^data:[^,]*;base64,(.*)$/.exec(url)
  if (inline) return Uint8Array.from(atob(inline[1]), (c) => c.charCodeAt(0))
  const response = await fetch(url)
  if (!response.ok) throw new Error(`could not load ${path} (${response.status})`)
  return new Uint8Array(await response.arrayBuffer())
}
