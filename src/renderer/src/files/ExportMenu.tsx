/** The toolbar's Export menu (File › Export on the desktop): PyTorch script…, ONNX model…. */
import { useRef } from 'react'
import { exportOnnxModel, exportPytorchScript } from './exports'
import './exportMenu.css'

export function ExportMenu() {
  const menu = useRef<HTMLDetailsElement>(null)
  const run = (action: () => Promise<void>) => () => {
    menu.current?.removeAttribute('open')
    void action()
  }
  return (
    <details ref={menu} className="export-menu" data-testid="cmd-export">
      <summary title="Take the network further: a PyTorch training script, or the trained network as ONNX">Export ▾</summary>
      <div className="export-menu-items" role="menu">
        <button type="button" role="menuitem" data-testid="cmd-export-pytorch" onClick={run(exportPytorchScript)} title="A Python script that trains this network with PyTorch as the app does (one CPU, or torchrun on several)">
          PyTorch script…
        </button>
        <button type="button" role="menuitem" data-testid="cmd-export-onnx" onClick={run(exportOnnxModel)} title="The trained network's inference graph for ONNX runtimes (train it first)">
          ONNX model…
        </button>
      </div>
    </details>
  )
}
