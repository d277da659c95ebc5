/**
 * Seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 128-bit state, passes PractRand) seeded through splitmix32. No `Math.random` anywhere in the
 * engine: every random draw comes from one of the named streams of `createStreams`.
 */

/** One stream of random numbers. */
export interface Rng {
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number
  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number
  /** Uniform in [low, high). */
  range(low: number, high: number): number
  /** Integer uniform in [0, n). */
  int(n: number): number
  /** Gaussian N(mean, std²) by the Box–Muller transform (pairs cached). */
  normal(mean?: number, std?: number): number
  /** Fisher–Yates shuffle in place. */
  shuffle<T extends { length: number; [i: number]: number }>(array: T): T
}

/** splitmix32: expands one 32-bit seed into a well-mixed sequence (used only for seeding). */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) | 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** Create an sfc32 generator from a 32-bit seed (any number; its low 32 bits are used). */
export function createRng(seed: number): Rng {
  const mix = splitmix32(Math.trunc(seed) >>> 0)
  let a = mix()
  let b = mix()
  let c = mix()
  let d = mix()
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // Warm up so nearby seeds diverge fully.
  for (let i = 0; i < 12; i++) nextUint32()
  const uniform = (): number => nextUint32() / 4294967296
  let spare: number | null = null
  const rng: Rng = {
    nextUint32,
    uniform,
    range: (low, high) => low + (high - low) * uniform(),
    int: (n) => Math.floor(uniform() * n),
    normal(mean = 0, std = 1) {
      if (spare !== null) {
        const z = spare
        spare = null
        return mean + std * z
      }
      // u1 in (0, 1] so log(u1) is finite.
      const u1 = 1 - uniform()
      const u2 = uniform()
      const r = Math.sqrt(-2 * Math.log(u1))
      spare = r * Math.sin(2 * Math.PI * u2)
      return mean + std * r * Math.cos(2 * Math.PI * u2)
    },
    shuffle(array) {
      for (let i = array.length - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1))
        const tmp = array[i]
        array[i] = array[j]
        array[j] = tmp
      }
      return array
    },
  }
  return rng
}

/** Names of the independent random streams a session uses. */
export type StreamName = 'init' | 'split' | 'shuffle' | 'dropout' | 'noise'

export type Streams = Record<StreamName, Rng>

/** FNV-1a hash of a stream name, so each stream gets its own seed. */
function hashName(name: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Seed of a named stream derived from the project seed. */
export function streamSeed(seed: number, name: string): number {
  return (splitmix32((Math.trunc(seed) ^ hashName(name)) >>> 0)() ^ hashName(name)) >>> 0
}

/**
 * Independent named streams from one project seed. Each consumer draws only from its own
 * stream, so e.g. changing the batch size (more or fewer shuffles) never changes the initial
 * weights, and turning dropout on never changes the data split.
 */
export function createStreams(seed: number): Streams {
  return {
    init: createRng(streamSeed(seed, 'init')),
    split: createRng(streamSeed(seed, 'split')),
    shuffle: createRng(streamSeed(seed, 'shuffle')),
    dropout: createRng(streamSeed(seed, 'dropout')),
    noise: createRng(streamSeed(seed, 'noise')),
  }
}
