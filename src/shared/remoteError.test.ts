import { describe, expect, it } from 'vitest'
import { remoteErrorMessage } from './remoteError'

describe('errors from main, as the page shows them', () => {
  it.each([
    ["Error invoking remote method 'file:save': FileWriteError: The disk is full: “a.axon.json” was not saved.", 'The disk is full: “a.axon.json” was not saved.'],
    ["Error invoking remote method 'file:read-granted': Error: ENOENT: no such file", 'ENOENT: no such file'],
    ["Error invoking remote method 'file:open': TypeError: Unknown file kind", 'Unknown file kind'],
    ['Something else', 'Something else'],
  ])('%s', (message, shown) => {
    expect(remoteErrorMessage(new Error(message))).toBe(shown)
  })
})
