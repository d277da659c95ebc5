/**
 * Python section: the engine's random streams (`src/engine/rng.ts`) ported number for number,
 * so the script draws the same initial weights, validation split and shuffled order.
 */
export const PY_RNG = String.raw`
# ---------------------------------------------------------------------------------------------
# Random streams: Axon Studio's sfc32 generator (engine/rng.ts), so the initial weights, the
# validation split and the order of the examples are the engine's, number for number. Dropout
# masks and noisy-ReLU noise come from torch generators seeded from the same streams.
# ---------------------------------------------------------------------------------------------
M32 = 0xFFFFFFFF


def splitmix32(seed):
    """A 32-bit mixer used only to seed sfc32."""
    state = seed & M32

    def next_u32():
        nonlocal state
        state = (state + 0x9E3779B9) & M32
        z = state
        z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
        z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
        return (z ^ (z >> 16)) & M32

    return next_u32


class Rng:
    """sfc32 (Small Fast Counting generator), seeded through splitmix32."""

    def __init__(self, seed):
        mix = splitmix32(seed)
        self.a, self.b, self.c, self.d = mix(), mix(), mix(), mix()
        self.spare = None
        for _ in range(12):  # warm up so nearby seeds diverge fully
            self.next_u32()

    def next_u32(self):
        a, b, c, d = self.a, self.b, self.c, self.d
        t = (a + b + d) & M32
        self.d = (d + 1) & M32
        self.a = b ^ (b >> 9)
        self.b = (c + (c << 3)) & M32
        c = ((c << 21) | (c >> 11)) & M32
        self.c = (c + t) & M32
        return t

    def uniform(self):
        """Uniform in [0, 1) with 32 bits of resolution."""
        return self.next_u32() / 4294967296

    def range(self, low, high):
        return low + (high - low) * self.uniform()

    def normal(self, mean=0.0, std=1.0):
        """N(mean, std²) by the Box-Muller transform (pairs cached)."""
        if self.spare is not None:
            z, self.spare = self.spare, None
            return mean + std * z
        u1 = 1 - self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2 * math.log(u1))
        self.spare = r * math.sin(2 * math.pi * u2)
        return mean + std * r * math.cos(2 * math.pi * u2)

    def shuffle(self, items):
        """Fisher-Yates, in place."""
        for i in range(len(items) - 1, 0, -1):
            j = math.floor(self.uniform() * (i + 1))
            items[i], items[j] = items[j], items[i]


def stream_seed(seed, name):
    """Seed of a named stream ('init', 'split', 'shuffle', 'dropout', 'noise') of the project seed."""
    h = 0x811C9DC5  # FNV-1a of the name
    for ch in name:
        h = ((h ^ ord(ch)) * 0x01000193) & M32
    return (splitmix32((int(seed) ^ h) & M32)() ^ h) & M32


def stream(seed, name):
    return Rng(stream_seed(seed, name))


def torch_generator(seed, name, rank):
    """A torch generator for per-element draws (dropout, noise): one per process."""
    return torch.Generator().manual_seed(stream_seed(seed, name) + rank)
`
