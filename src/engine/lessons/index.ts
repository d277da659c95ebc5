/** Lessons: the file format, its parser, the engine's checks of answers, and locks. */
export * from './format'
export * from './parse'
export * from './measure'
export * from './locks'
export * from './authoring'
export * from './draft'
