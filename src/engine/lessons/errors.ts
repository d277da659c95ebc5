/** A measure the engine cannot take (the network does not compile, its data is not in the file …). */
export class LessonCheckError extends Error {
  override name = 'LessonCheckError'
}
