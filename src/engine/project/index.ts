/** The project file and its compiler: the public surface for the canvas, the CLI and tests. */
export * from './types'
export * from './nodeKinds'
export * from './diagnostics'
export * from './compile'
export * from './migrate'
export * from './parse'
export * from './schema'
export * from './projectDataset'
