/** Model files: export a trained session, import and run it. */
export * from './format'
export * from './export'
export * from './import'
export * from './toProject'
