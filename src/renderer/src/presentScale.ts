/** How much larger presentation mode draws the interface, on top of the interface zoom, where the window has room. */
const PRESENT_SCALE = 1.25

/** The window height, in CSS pixels, that presentation mode keeps for its views at the interface's own size: a projector's 768 at 1.25. */
const PRESENT_ROOM = 768 / PRESENT_SCALE

/**
 * Presentation mode's scale, times the interface zoom, at a window `height` CSS pixels high: 1.25,
 * or less where the window is lower than 768 px (never below 1). A browser zoomed to 150 % on a
 * 1024 × 768 projector (512 px high) is large already: the extra quarter left the first view the
 * teacher ticked under the panel's fold. The window's height alone decides, not the interface
 * zoom: each Ctrl + step still makes the presented interface larger.
 */
export function presentScale(height: number): number {
  return Math.min(PRESENT_SCALE, Math.max(1, height / PRESENT_ROOM))
}
