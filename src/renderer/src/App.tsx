import { useCallback, useEffect } from 'react'
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
import { useShortcuts } from './useShortcuts'
import { useUi } from './store/uiStore'
import { openProjectDialog } from './files/desktopDocument'

/** Axon Studio's window: toolbar, palette, canvas, inspector / training panel, status bar. */
export function App() {
  return (
    <ReactFlowProvider>
      <Designer />
    </ReactFlowProvider>
  )
}

function Designer() {
  const theme = useUi((s) => s.theme)
  const sideTab = useUi((s) => s.sideTab)
  const paletteOpen = useUi((s) => s.paletteOpen)
  const sidePanelOpen = useUi((s) => s.sidePanelOpen)
  useAutosave()
  const openFile = useCallback(() => void openProjectDialog(() => document.querySelector<HTMLInputElement>('[data-testid="open-file-input"]')?.click()), [])
  useShortcuts(openFile)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  return (
    <div className={`app side-${sideTab}${paletteOpen ? '' : ' palette-closed'}${sidePanelOpen ? '' : ' side-closed'}`} data-theme={theme}>
      <Toolbar />
      <Palette />
      <main className="canvas" data-testid="canvas">
        <Canvas />
      </main>
      <SidePanel />
      <StatusBar />
      <Gallery />
      <DataPanel />
    </div>
  )
}
