/**
 * The network slice's UI state (never saved with the project): whether the playground shows the
 * network's own surface, and what was picked and typed for it. Kept outside the component, so
 * the picks survive closing the Experiments window to edit or train the network.
 */
import { create } from 'zustand'
import { NETWORK_SLICE_DEFAULTS, type NetworkSliceInputs } from './networkSliceModel'

export interface NetworkSliceUi {
  /** The playground shows the network's slice (not a formula surface). */
  selected: boolean
  inputs: NetworkSliceInputs
}

export const useNetworkSlice = create<NetworkSliceUi>()(() => ({ selected: false, inputs: NETWORK_SLICE_DEFAULTS }))

export const networkSliceUi = {
  select: (selected: boolean) => useNetworkSlice.setState({ selected }),
  change: (patch: Partial<NetworkSliceInputs>) => useNetworkSlice.setState((s) => ({ inputs: { ...s.inputs, ...patch } })),
}
