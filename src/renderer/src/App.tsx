import { useCallback, useEffect } from 'react'
import { createPortal } from 'react-dom'
import { ReactFlowProvider } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { StatusBar } from './StatusBar'
import { Canvas } from './canvas/Canvas'
import { Palette } from './panels/Palette'
import { SidePanel } from './panels/SidePanel'
import { Toolbar } from './panels/Toolbar'
import { Gallery } from './panels/Gallery'
import { DataPanel } from './data/DataPanel'
import { useAutosave } from './files/useAutosave'
import { useShareLinks } from './share/ShareButton'
import { useShortcuts } from './useShortcuts'
import { isCompact, selectPaletteShown, selectSidePanelShown, useUi } from './store/uiStore'
import { useFields } from './store/useFields'
import { openProjectDialog } from './files/desktopDocument'
import { ShortcutSheet } from './panels/ShortcutSheet'
import { PresentationPanel } from './panels/PresentationPanel'
import { StepThroughView } from './training/StepThroughView'
import './panels/drawers.css'
import { LessonPanel } from './lessons/LessonPanel'
import { selectHiddenClasses, useLesson } from './lessons/lessonStore'
import { TeacherPanel } from './lessons/TeacherPanel'
import { useTeacher } from './lessons/teacherStore'
import { useLessonResume } from './lessons/lessonResume'
import { useTeacherDraftResume } from './lessons/teacherDraftResume'
import { useWindowHeight, useWindowWidth } from './useWindowHeight'
import { presentScale } from './presentScale'

/** Axon Studio's window: toolbar, palette, canvas, inspector / training panel, status bar. */
export function App() {
  return (
    <ReactFlowProvider>
      <Designer />
    </ReactFlowProvider>
  )
}

function Designer() {
  // Not the side panel's tab: a tab switch re-renders the side panel alone, not the canvas and the rest.
  const { theme, presenting, compact, drawer } = useFields(useUi, 'theme', 'presenting', 'compact', 'drawer')
  // (A compact window's columns are rails, and a lesson's column stays: folded panels do not size them.)
  const paletteOpen = useUi(selectPaletteShown) || compact
  const sidePanelOpen = useUi(selectSidePanelShown) || compact
  const inLesson = useLesson((s) => s.lesson !== null)
  const hidden = useLesson(selectHiddenClasses)
  const teaching = useTeacher((s) => s.active) && !inLesson
  useAutosave()
  useLessonResume()
  useTeacherDraftResume()
  useShareLinks()
  const openFile = useCallback(() => void openProjectDialog(() => document.querySelector<HTMLInputElement>('[data-testid="open-file-input"]')?.click()), [])
  useShortcuts(openFile)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  return (
    <div
      className={`app${paletteOpen ? '' : ' palette-closed'}${sidePanelOpen ? '' : ' side-closed'}${compact ? ` compact${drawer ? ` drawer-${drawer}` : ''}` : ''}${presenting ? ' presenting' : ''}${inLesson ? ` in-lesson ${hidden}` : ''}${teaching ? ' in-lesson teaching' : ''}`}
      data-theme={theme}
      data-testid="app"
    >
      <InterfaceZoom />
      <Toolbar />
      {/* Hidden, not unmounted, while presenting: the data panel's button lives in it. */}
      {inLesson ? (
        <div className="lesson-column">
          <LessonPanel />
          {!hidden.includes('lesson-hide-palette') && <Palette />}
        </div>
      ) : teaching ? (
        <div className="lesson-column">
          <TeacherPanel />
          <Palette />
        </div>
      ) : (
        <Palette />
      )}
      <main className="canvas" data-testid="canvas" tabIndex={-1} aria-label="Canvas">
        <Canvas />
      </main>
      {presenting ? <PresentationPanel /> : <SidePanel />}
      <StatusBar />
      <Gallery />
      <DataPanel />
      <ShortcutSheet />
      {/* Once, beside the panels, not in them: a panel folded (or a compact window's drawer) took the open dialog with it. */}
      {createPortal(<StepThroughView />, document.body)}
    </div>
  )
}

/**
 * Sets `--ui-zoom` on the root (so dialogs portalled to <body> scale too): the interface zoom,
 * times presentation mode's scale while presenting; and whether the window is compact. Its own
 * component: a window resize re-renders it, not the designer.
 */
function InterfaceZoom() {
  const uiZoom = useUi((s) => s.uiZoom)
  const presenting = useUi((s) => s.presenting)
  const height = useWindowHeight()
  const width = useWindowWidth()
  useEffect(() => {
    document.documentElement.style.setProperty('--ui-zoom', String(uiZoom * (presenting ? presentScale(height) : 1)))
  }, [uiZoom, presenting, height])
  useEffect(() => useUi.getState().setCompact(isCompact(width, uiZoom)), [width, uiZoom])
  return null
}
