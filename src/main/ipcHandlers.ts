/**
 * Main's IPC handlers for the renderer's requests, each checking who sent it (the app's own
 * page, nothing else) and the payload's shape before doing anything. Electron-free: main
 * passes `ipcMain`, tests a fake with the same two methods.
 */
import { IPC, isDocumentState, type DocumentState } from '../shared/ipc'
import { isFileKind } from '../shared/files'
import type { FileAccess } from './fileAccess'

export interface IpcSender {
  senderFrame?: { url: string } | null
  sender: { id: number }
}

export interface IpcMainLike {
  handle(channel: string, handler: (event: IpcSender, ...args: unknown[]) => unknown): void
  on(channel: string, listener: (event: IpcSender, ...args: unknown[]) => void): void
}

export interface IpcDeps {
  files: FileAccess
  /** True when the message comes from the app's own page. */
  isTrustedSender(event: IpcSender): boolean
  documentState(event: IpcSender, state: DocumentState): void
  documentSaveTaken(event: IpcSender, id: unknown): void
  documentSaved(event: IpcSender, id: unknown, saved: boolean): void
  currentFile(event: IpcSender, path: string | null): void
}

export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError'
}

const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 4096

export function registerIpcHandlers(ipc: IpcMainLike, deps: IpcDeps): void {
  const handle = (channel: string, handler: (...args: unknown[]) => unknown) =>
    ipc.handle(channel, (event, ...args) => {
      if (!deps.isTrustedSender(event)) throw new UntrustedSenderError(`${channel} refused: not sent by Axon Studio's page`)
      return handler(...args)
    })
  const on = (channel: string, listener: (event: IpcSender, ...args: unknown[]) => void) =>
    ipc.on(channel, (event, ...args) => {
      if (deps.isTrustedSender(event)) listener(event, ...args)
    })

  handle(IPC.fileOpen, (kind, multiple) => {
    if (!isFileKind(kind)) throw new TypeError('Unknown file kind')
    return deps.files.open(kind, multiple === true)
  })
  handle(IPC.fileSave, (kind, name, bytes, path) => {
    if (!isFileKind(kind) || typeof name !== 'string' || !(bytes instanceof Uint8Array) || !(path === null || isPath(path))) throw new TypeError('Bad save request')
    return deps.files.save(kind, name.slice(0, 255), bytes, path)
  })
  handle(IPC.fileReadGranted, (path) => {
    if (!isPath(path)) throw new TypeError('Bad path')
    return deps.files.readGranted(path)
  })
  handle(IPC.fileReadBeside, (projectPath, relativePath) => {
    if (!isPath(projectPath) || !isPath(relativePath)) throw new TypeError('Bad path')
    return deps.files.readBeside(projectPath, relativePath)
  })
  handle(IPC.fileDropped, (path) => {
    if (!isPath(path)) throw new TypeError('Bad path')
    return deps.files.grantDropped(path)
  })
  on(IPC.documentState, (event, state) => {
    if (isDocumentState(state)) deps.documentState(event, state)
  })
  on(IPC.documentSaveTaken, (event, id) => deps.documentSaveTaken(event, id))
  on(IPC.documentSaved, (event, id, saved) => deps.documentSaved(event, id, saved === true))
  on(IPC.fileCurrent, (event, path) => {
    if (path === null || isPath(path)) deps.currentFile(event, path)
  })
}
