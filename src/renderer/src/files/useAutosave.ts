import { useEffect } from 'react'
import { selectDirty, useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { AUTOSAVE_KEY, readAutosave, writeAutosave } from './autosave'
import { createEmptyProject } from '../graph/newProject'
import { forgetFileHandle } from './projectFiles'
import { needsSavePrompt } from './desktopDocument'
import { desktopBridge } from './desktopFiles'
import { runProgressText } from '../training/trainingStore'

const DELAY_MS = 400

/** Declines the recovered session: an empty network, and the autosave forgotten. */
function startFresh(): void {
  forgetFileHandle()
  localStorage.removeItem(AUTOSAVE_KEY)
  useDocument.getState().load(createEmptyProject())
  useUi.getState().select([])
  useUi.getState().setCardOpen(false)
  useUi.getState().notify(null)
}

/** Recovers the last session once, then autosaves every change (debounced) and on page hide. */
export function useAutosave(): void {
  useEffect(() => {
    const recovered = readAutosave(localStorage)
    if (recovered && (recovered.project.nodes.length > 0 || recovered.record.dirty)) {
      const { record, project } = recovered
      useDocument.getState().load(project, { fileName: record.fileName, exampleId: record.exampleId, dirty: record.dirty })
      useUi.getState().setCardOpen(record.exampleId !== null && Boolean(project.meta.description))
      // On a shared lab login the recovered work may be someone else's: offer a clean start.
      useUi.getState().notify({ kind: 'info', text: 'Your last session was recovered.', action: { label: 'Start fresh', run: startFresh } })
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const write = () => {
      clearTimeout(timer)
      const s = useDocument.getState()
      try {
        writeAutosave(localStorage, s.project, { fileName: s.fileName, exampleId: s.exampleId, dirty: selectDirty(s) })
      } catch (error) {
        console.warn('Autosave failed:', error)
      }
    }
    const unsubscribe = useDocument.subscribe((s, prev) => {
      if (s.project === prev.project && s.savedProject === prev.savedProject) return
      clearTimeout(timer)
      timer = setTimeout(write, DELAY_MS)
    })
    window.addEventListener('pagehide', write)
    const beforeUnload = (e: BeforeUnloadEvent) => {
      write()
      // The graph is not lost (autosave), but warn about unsaved changes as desktop apps do. On
      // desktop main answers this with its own "Save changes?" dialog (will-prevent-unload).
      if (needsSavePrompt(useDocument.getState())) e.preventDefault()
      // A run's progress cannot be autosaved: the browser asks before a reload or close loses it
      // (on desktop a reload is a developer's, and closing asks about the document).
      else if (!desktopBridge() && runProgressText() !== null) e.preventDefault()
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      unsubscribe()
      clearTimeout(timer)
      window.removeEventListener('pagehide', write)
      window.removeEventListener('beforeunload', beforeUnload)
    }
  }, [])
}
