/** How much larger presentation mode draws the interface, on top of the interface zoom, where the window has room. */
const PRESENT_SCALE = 1.25

/** The window height, in interface pixels, that presentation mode keeps for its views: a projector's 768 at 1.25. */
const PRESENT_ROOM = 768 / PRESENT_SCALE

/**
 * Presentation mode's scale at a window `height` CSS pixels high and interface zoom `uiZoom`: 1.25,
 * or less where the larger interface would leave fewer than `PRESENT_ROOM` pixels of its own
 * (never below 1). A browser zoomed to 150 % on a 1024 × 768 projector (512 px high) is large
 * already: the extra quarter left the first view the teacher ticked under the panel's fold.
 */
export function presentScale(height: number, uiZoom: number): number {
  return Math.min(PRESENT_SCALE, Math.max(1, height / (uiZoom * PRESENT_ROOM)))
}
