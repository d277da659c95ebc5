/** The shipped lessons built from sources here (`npm run lessons`). */
import type { LessonFile } from '../../src/engine/lessons'
import { activationsLesson } from './activations'
import { encoderLesson, fashionLesson } from './encoderFashion'
import { gradientDescentLesson } from './gradientDescent'
import { initialisationLesson } from './initialisation'
import { momentumLesson } from './momentum'
import { overfittingLesson } from './overfitting'
import { sjtuLesson } from './sjtu'

export const LESSON_SOURCES: LessonFile[] = [activationsLesson, sjtuLesson, gradientDescentLesson, momentumLesson, overfittingLesson, initialisationLesson, encoderLesson, fashionLesson]
