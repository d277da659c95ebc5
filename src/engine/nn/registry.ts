/**
 * Helpers for the engine's registries (activations, losses, optimizers, initialisers, layers):
 * each is an object keyed by id, and the id types, labels, descriptions and test tables are all
 * derived from it, so adding an entry cannot forget a place.
 */

/** What menus, the palette, diagnostics and docs show for a registry entry. */
export interface Described {
  label: string
  /** One line: the formula or what it is for. */
  description: string
}

/** Give every entry its key as `id`, so an entry can never disagree with the id files store. */
export function keyed<T extends Record<string, object>>(entries: T): { [K in keyof T]: T[K] & { id: K } } {
  const out = {} as { [K in keyof T]: T[K] & { id: K } }
  for (const id of Object.keys(entries) as (keyof T & string)[]) out[id] = { ...entries[id], id } as T[typeof id] & { id: typeof id }
  return out
}

/** Label and description of every entry: plain data the UI and the project registry read. */
export function describe<K extends string>(registry: Record<K, Described>): Record<K, Described> {
  const out = {} as Record<K, Described>
  for (const id of Object.keys(registry) as K[]) out[id] = { label: registry[id].label, description: registry[id].description }
  return out
}
