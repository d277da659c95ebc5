/**
 * Writes the shipped lessons made from sources (`scripts/lessons/`) to `resources/lessons/`:
 * `npm run lessons`. test/lessonSources.test.ts fails when a committed file differs from this output.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lessonText } from './lessons/kit'
import { LESSON_SOURCES } from './lessons'

const dir = join(import.meta.dirname, '../resources/lessons')
for (const lesson of LESSON_SOURCES) {
  const path = join(dir, `${lesson.id}.axon-lesson.json`)
  writeFileSync(path, lessonText(lesson))
  console.log(`wrote resources/lessons/${lesson.id}.axon-lesson.json`)
}
