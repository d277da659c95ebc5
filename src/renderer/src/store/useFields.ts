/**
 * Several fields of a zustand store by name, in one subscription that re-renders only when one
 * of them changes (a shallow compare), instead of one selector line per field:
 *
 *   const { theme, uiZoom } = useFields(useUi, 'theme', 'uiZoom')
 */
import type { StoreApi, UseBoundStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'

export function useFields<S extends object, K extends keyof S>(useStore: UseBoundStore<StoreApi<S>>, ...keys: K[]): Pick<S, K> {
  return useStore(
    useShallow((state: S) => {
      const picked = {} as Pick<S, K>
      for (const key of keys) picked[key] = state[key]
      return picked
    }),
  )
}
