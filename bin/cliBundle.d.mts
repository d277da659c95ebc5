// Types of cliBundle.mjs (plain JavaScript, so that it runs before anything is built).
export declare const CLI_ENTRIES: Record<'axon' | 'gradientWorker', string>
export declare const CLI_OUT_DIR: string
export declare function cliBundleIsFresh(outDir?: string): boolean
export declare function buildCliBundle<Name extends string = keyof typeof CLI_ENTRIES>(options?: { root?: string; entries?: Record<Name, string>; outDir?: string }): Promise<Record<Name, string>>
