/**
 * Give the keyboard back to the canvas (its shortcuts, arrow keys, Delete) once a dialog that
 * had it is done, instead of leaving focus on a button that is gone.
 */
export function focusCanvas(): void {
  document.querySelector<HTMLElement>('main.canvas')?.focus({ preventScroll: true })
}
