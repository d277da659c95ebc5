/**
 * The marks on the input plane: class colours and the three point shapes (training dot,
 * held-out diamond, test triangle), drawn the same on the plane (by the paint worker) and in
 * its legend (by the page).
 */

/**
 * Categorical colours, one per class, wherever classes are drawn (the plane with more than two,
 * its legend, the data panel's previews): Okabe–Ito (colour-blind safe), its grey in place of its
 * black, then two of ColorBrewer's Dark2 for a ninth and tenth class. Every one reads on both
 * themes' panels (3:1 or more on the dark one): the swatches sit on the panel, and black was
 * unseen there in the dark theme. Not the theme's text colour, as for runs: the plane is painted
 * light in either theme, and a class painted near-white there would pass for "unsure".
 */
export const CLASS_COLORS = ['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999', '#A6761D', '#7570B3']

/** A 2-D context on the page or in a worker. */
export type Context2d = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/** A point's colour: its class (Okabe–Ito) with several classes, else blue = 1, orange = 0 as on the field. */
export function pointColor(k: number, categorical: boolean): string {
  return categorical ? CLASS_COLORS[k % CLASS_COLORS.length] : k === 1 ? '#0877bd' : '#f59322'
}

/** A training point: a filled dot with a dark rim. */
export function drawTrainingPoint(ctx: Context2d, x: number, y: number, r: number, color: string): void {
  ctx.beginPath()
  ctx.arc(x, y, r, 0, 2 * Math.PI)
  ctx.fillStyle = color
  ctx.fill()
  ctx.lineWidth = 2
  ctx.strokeStyle = '#1d2330'
  ctx.stroke()
}

/** A held-out (validation) point: a white diamond ringed in its class colour and a dark rim, so it differs by shape, not colour alone. */
export function drawHeldPoint(ctx: Context2d, x: number, y: number, r: number, color: string): void {
  ctx.beginPath()
  ctx.moveTo(x, y - r)
  ctx.lineTo(x + r, y)
  ctx.lineTo(x, y + r)
  ctx.lineTo(x - r, y)
  ctx.closePath()
  ctx.fillStyle = '#ffffff'
  ctx.fill()
  ctx.lineWidth = 4
  ctx.strokeStyle = '#1d2330'
  ctx.stroke()
  ctx.lineWidth = 2.5
  ctx.strokeStyle = color
  ctx.stroke()
}

/** A test-set point (held out, never trained on): a triangle in its class colour with a dark rim, a third shape beside dots and diamonds. */
export function drawTestPoint(ctx: Context2d, x: number, y: number, r: number, color: string): void {
  ctx.beginPath()
  ctx.moveTo(x, y - r)
  ctx.lineTo(x + r * 0.95, y + r * 0.7)
  ctx.lineTo(x - r * 0.95, y + r * 0.7)
  ctx.closePath()
  ctx.fillStyle = color
  ctx.fill()
  ctx.lineWidth = 2
  ctx.strokeStyle = '#1d2330'
  ctx.stroke()
}
