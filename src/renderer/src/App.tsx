import { ReactFlow, ReactFlowProvider, Background, Controls } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { StatusBar } from './StatusBar'

/** The first screen: palette, canvas, status bar. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">Axon Studio</span>
      </header>
      <aside className="palette" data-testid="palette">
        <h2>Palette</h2>
        <p className="muted">Layers, activations, losses and optimizers will be here.</p>
      </aside>
      <main className="canvas" data-testid="canvas">
        <ReactFlowProvider>
          <ReactFlow nodes={[]} edges={[]} fitView proOptions={{ hideAttribution: true }}>
            <Background gap={24} />
            <Controls />
          </ReactFlow>
        </ReactFlowProvider>
      </main>
      <StatusBar />
    </div>
  )
}
