import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'
import { listenToDesktopMenu } from './desktopMenu'
import { connectDesktopDocument } from './files/desktopDocument'
import { recordRunHistory } from './experiments/runRecorder'

listenToDesktopMenu()
connectDesktopDocument()
recordRunHistory()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
