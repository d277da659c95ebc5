// The engine's messages and the page's counts share one wording.
export { plural } from '../../engine/plural'
