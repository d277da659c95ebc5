/**
 * The minimal bridge between the sandboxed renderer and main.
 *
 * Engine ports cannot cross contextBridge, so they are forwarded with window.postMessage
 * (transferred, as Electron's MessagePorts guide does). Everything else is a named function
 * with checked arguments; `ipcRenderer` itself is never exposed. Files cross as bytes, only
 * for paths the user picked in main's dialogs (see src/main/fileAccess.ts).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { IPC, isDocumentState, isMenuCommand, type DocumentState, type MenuCommand } from '../shared/ipc'
import { isFileKind, type FileKind, type NamedFile, type OpenedFiles, type PickedFile, type SavedFile } from '../shared/files'
import { remoteErrorMessage } from '../shared/remoteError'

/** `ipcRenderer.invoke`, its errors in main's words only (the page shows them). */
function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  return ipcRenderer.invoke(channel, ...args).catch((error: unknown) => {
    throw new Error(remoteErrorMessage(error))
  })
}

ipcRenderer.on(IPC.enginePorts, (event, info: { restarted?: boolean } | null) => {
  const target = window.location.origin === 'null' ? '*' : window.location.origin
  window.postMessage({ type: 'axon:engine-ports', restarted: info?.restarted === true }, target, event.ports)
})

function isPickedFile(value: unknown): value is PickedFile {
  const v = value as Partial<PickedFile> | null
  return typeof v?.path === 'string' && typeof v.name === 'string' && v.bytes instanceof Uint8Array
}

function isNamedFile(value: unknown): value is NamedFile {
  const v = value as Partial<NamedFile> | null
  return typeof v?.path === 'string' && typeof v.name === 'string' && typeof v.size === 'number'
}

function isOpenedFiles(value: unknown): value is OpenedFiles {
  const v = value as Partial<OpenedFiles> | null
  return (v?.project === null || isPickedFile(v?.project)) && Array.isArray(v?.others) && v.others.every(isNamedFile) && (v.project !== null || v.others.length > 0)
}

contextBridge.exposeInMainWorld('axonDesktop', {
  isDesktop: true,
  onEngineFailed(listener: (message: string) => void) {
    ipcRenderer.on(IPC.engineFailed, (_event, message: unknown) => listener(String(message)))
  },
  onMenuCommand(listener: (command: MenuCommand) => void) {
    ipcRenderer.on(IPC.menuCommand, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    })
  },
  /** Tell main what closing or reloading would lose (unsaved edits, a run or sweep under way). */
  reportDocumentState(state: DocumentState) {
    if (isDocumentState(state)) ipcRenderer.send(IPC.documentState, { dirty: state.dirty, name: state.name, run: state.run, sweep: state.sweep })
  },
  /** Main's "Save changes?" dialog asks the page to save; the handler says whether it did. */
  onSaveRequest(handler: () => Promise<boolean>) {
    ipcRenderer.on(IPC.documentSave, (_event, id: unknown) => {
      ipcRenderer.send(IPC.documentSaveTaken, id)
      void Promise.resolve()
        .then(handler)
        .then(
          (saved) => ipcRenderer.send(IPC.documentSaved, id, saved === true),
          () => ipcRenderer.send(IPC.documentSaved, id, false),
        )
    })
  },
  /** A share link main was asked to open (the text after `share=`; the page checks it). */
  onShareLink(listener: (text: string) => void) {
    ipcRenderer.on(IPC.shareOpened, (_event, text: unknown) => {
      if (typeof text === 'string' && text.length <= 100_000) listener(text)
    })
  },
  files: {
    open(kind: FileKind, multiple = false): Promise<PickedFile[] | null> {
      if (!isFileKind(kind)) return Promise.reject(new TypeError('Unknown file kind'))
      return invoke(IPC.fileOpen, kind, multiple === true)
    },
    save(kind: FileKind, suggestedName: string, bytes: Uint8Array, path: string | null): Promise<SavedFile | null> {
      return invoke(IPC.fileSave, kind, String(suggestedName), bytes, path)
    },
    readGranted(path: string): Promise<PickedFile> {
      return invoke(IPC.fileReadGranted, String(path))
    },
    readBeside(projectPath: string, relativePath: string): Promise<PickedFile> {
      return invoke(IPC.fileReadBeside, String(projectPath), String(relativePath))
    },
    /** Files main was asked to open together (Open Recent, file association, a second launch): the project read, the rest named. */
    onOpened(listener: (files: OpenedFiles) => void) {
      ipcRenderer.on(IPC.fileOpened, (_event, files: unknown) => {
        if (isOpenedFiles(files)) listener(files)
      })
    },
    /** A file dropped on the window: its path (only the preload can ask: webUtils), granted by main; null when it has none. */
    dropped(file: File): Promise<string | null> {
      let path = ''
      try {
        path = webUtils.getPathForFile(file)
      } catch {
        // Not a File (a page cannot pass a path of its choosing here).
      }
      return path ? invoke(IPC.fileDropped, path) : Promise.resolve(null)
    },
    setCurrent(path: string | null) {
      ipcRenderer.send(IPC.fileCurrent, typeof path === 'string' ? path : null)
    },
  },
})
