import { createContext } from 'react'

/**
 * Whether the view drawn here is in sight (true outside a live view's section, which says:
 * `training/viewComponents.tsx`). Out of sight, painted canvases keep their last picture and ask
 * for no new one (`paint/painter.ts`), and the views stop following the store (`liveSight.ts`).
 */
export const ViewInSight = createContext(true)
