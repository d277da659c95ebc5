/**
 * The shape of `window.axonDesktop`, the functions src/preload exposes. Types only: the
 * renderer uses it to call the bridge, the preload implements it.
 */
import type { DocumentState, MenuCommand } from './ipc'
import type { FileKind, OpenedFiles, PickedFile, SavedFile } from './files'

export interface DesktopFilesBridge {
  open(kind: FileKind, multiple?: boolean): Promise<PickedFile[] | null>
  save(kind: FileKind, suggestedName: string, bytes: Uint8Array, path: string | null): Promise<SavedFile | null>
  readGranted(path: string): Promise<PickedFile>
  readBeside(projectPath: string, relativePath: string): Promise<PickedFile>
  /** Files the OS opened the app with, together (several double-clicked, a second launch, Open Recent): the project read, the rest named. */
  onOpened(listener: (files: OpenedFiles) => void): void
  setCurrent(path: string | null): void
  /** Where a file dropped on the window is on disk (main grants it: Save writes back to a dropped project), or null. */
  dropped(file: File): Promise<string | null>
}

export interface DesktopBridge {
  isDesktop: true
  onEngineFailed(listener: (message: string) => void): void
  onMenuCommand(listener: (command: MenuCommand) => void): void
  reportDocumentState(state: DocumentState): void
  onSaveRequest(handler: () => Promise<boolean>): void
  /** A share link the OS opened the app with (`axon-studio://open#share=…`): the text after `share=`. */
  onShareLink(listener: (text: string) => void): void
  files: DesktopFilesBridge
}
