/**
 * The renderer's half of the desktop file flows, against a fake preload bridge: it reports
 * what a close would lose (unsaved edits, a run or sweep under way: main asks about them), saves back to the file it was opened from when
 * main's dialog says Save, and opens the projects main hands over.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { DesktopBridge } from '../../../shared/desktopBridge'
import type { DocumentState } from '../../../shared/ipc'
import type { OpenedFiles, PickedFile } from '../../../shared/files'
import { exampleProject } from '../graph/examples'
import { compileGraph, projectDataset, serializeProject } from '../../../engine/project'
import { createSession } from '../../../engine/train'
import { exportModel, serializeModel } from '../../../engine/model'

const reported: DocumentState[] = []
const written: Array<{ kind: string; name: string; path: string | null; text: string }> = []
let saveRequest: (() => Promise<boolean>) | null = null
let openedListener: ((files: OpenedFiles) => void) | null = null
/** What the page read through main (files main named without reading). */
const readThroughMain: string[] = []
let shareListener: ((text: string) => void) | null = null
let dialogAnswer: string | null = '/class/chosen.axon.json'
const current: Array<string | null> = []

const bridge: DesktopBridge = {
  isDesktop: true,
  onEngineFailed: () => {},
  onMenuCommand: () => {},
  reportDocumentState: (s) => void reported.push(s),
  onSaveRequest: (h) => void (saveRequest = h),
  onShareLink: (l) => void (shareListener = l),
  files: {
    open: async () => null,
    save: async (kind, name, bytes, path) => {
      const target = path ?? dialogAnswer
      if (!target) return null
      written.push({ kind, name, path, text: new TextDecoder().decode(bytes) })
      return { path: target, name: target.split('/').pop()! }
    },
    readGranted: async (path) => {
      readThroughMain.push(path)
      if (path !== '/class/iris.csv') throw new Error('“gone.csv” is not there any more: it was moved, renamed or deleted.')
      return { path, name: 'iris.csv', bytes: new TextEncoder().encode('x,y\n1,2\n') }
    },
    readBeside: async (project, rel) => ({ path: `${project}/../${rel}`, name: rel, bytes: new Uint8Array([7]) }),
    onOpened: (l) => void (openedListener = l),
    setCurrent: (p) => void current.push(p),
    // What the preload's webUtils.getPathForFile gives for a file dropped from disk.
    dropped: async (file) => `/class/dropped/${file.name}`,
  },
}

let desktop: typeof import('./desktopDocument')
let files: typeof import('./desktopFiles')
let store: typeof import('../store/documentStore')

beforeAll(async () => {
  // The engine client listens for main's engine ports on import; this fake page never sends any.
  ;(globalThis as unknown as { window: unknown }).window = {
    axonDesktop: bridge,
    confirm: () => true,
    addEventListener: () => {},
  }
  desktop = await import('./desktopDocument')
  files = await import('./desktopFiles')
  store = await import('../store/documentStore')
  desktop.connectDesktopDocument()
})

const xorText = serializeProject(exampleProject('mazur-2-2-2')!)
/** A project of another network than the model's (on Mazur's own, Open model… adds the model to its runs: modelRun.test.ts). */
const otherNetwork = () => openedListener!({ project: picked('/class/xor.axon.json', serializeProject(exampleProject('xor-2-2-1-sigmoid')!)), others: [] })
const picked = (path: string, text = xorText): PickedFile => ({ path, name: path.split('/').pop()!, bytes: new TextEncoder().encode(text) })
const open = (path: string) => openedListener!({ project: picked(path), others: [] })
const named = (path: string, size = 8) => ({ path, name: path.split('/').pop()!, size })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Mazur's 2-2-2 network after 3 epochs, as Export model… saves it. */
function modelText(): string {
  const project = exampleProject('mazur-2-2-2')!
  const session = createSession(compileGraph(project).spec!, projectDataset(project)!)
  for (let epoch = 0; epoch < 3; epoch++) session.runEpoch()
  return serializeModel(exportModel(session, { title: 'Mazur, trained', data: project.data }))
}

describe('desktop document flows', () => {
  it('opens the network of a share link main hands over (axon-studio://open#share=…); a damaged one changes nothing', async () => {
    const { shareFragment } = await import('../../../engine/project/share')
    const encoded = shareFragment(exampleProject('xor-2-2-1-sigmoid')!)
    if (!encoded.ok) throw new Error(encoded.message)
    shareListener!(encoded.fragment.replace(/^share=/, ''))
    expect(store.useDocument.getState().project.meta.title).toBe(exampleProject('xor-2-2-1-sigmoid')!.meta.title)
    shareListener!('v1.damaged!')
    expect(store.useDocument.getState().project.meta.title).toBe(exampleProject('xor-2-2-1-sigmoid')!.meta.title)
  })

  it('several files main hands over at once open as a drop of them: the first project, the notice naming the rest', async () => {
    const { useUi } = await import('../store/uiStore')
    openedListener!({ project: picked('/class/a.axon.json'), others: [named('/class/b.axon.json'), named('/class/iris.csv')] })
    await settle()
    expect(readThroughMain).toEqual([])
    expect(store.useDocument.getState().fileName).toBe('a.axon.json')
    expect(files.currentProjectPath()).toBe('/class/a.axon.json')
    expect(useUi.getState().notice?.text).toBe('Opened a.axon.json. Only one project opens at a time: “b.axon.json” and “iris.csv” were not opened (open them one by one).')
  })

  it('data files main names open in the data panel, read then, as dropped data files do; the project stays', async () => {
    const { useData } = await import('../data/dataStore')
    openedListener!({ project: null, others: [named('/class/iris.csv')] })
    // The CSV reader has the file (this page has no engine to answer it).
    await vi.waitFor(() => expect(useData.getState().busy).toBe('Reading iris.csv…'))
    expect(readThroughMain).toEqual(['/class/iris.csv'])
    expect(useData.getState().dialogOpen).toBe(true)
    expect(store.useDocument.getState().fileName).toBe('a.axon.json')
    useData.setState({ dialogOpen: false, busy: null })
  })

  it('a data file gone before the page read it: the data panel says so', async () => {
    const { useData } = await import('../data/dataStore')
    openedListener!({ project: null, others: [named('/class/gone.csv')] })
    await vi.waitFor(() => expect(useData.getState().problem?.info.message).toBe('“gone.csv” is not there any more: it was moved, renamed or deleted.'))
    expect(useData.getState()).toMatchObject({ dialogOpen: true, busy: null, preview: null })
    useData.setState({ dialogOpen: false, problem: null })
  })

  it('opens a project main hands over and remembers its path', async () => {
    open('/class/mazur.axon.json')
    await settle()
    expect(store.useDocument.getState().fileName).toBe('mazur.axon.json')
    expect(files.currentProjectPath()).toBe('/class/mazur.axon.json')
    expect(current.at(-1)).toBe('/class/mazur.axon.json')
    expect(reported.at(-1)).toEqual({ dirty: false, name: 'mazur.axon.json', run: null, sweep: null })
  })

  it('reports unsaved edits, and Save (from main) writes back to the same file', async () => {
    store.useDocument.getState().setMeta({ title: 'Edited' })
    expect(reported.at(-1)).toEqual({ dirty: true, name: 'mazur.axon.json', run: null, sweep: null })
    expect(await saveRequest!()).toBe(true)
    expect(written.at(-1)).toMatchObject({ kind: 'project', path: '/class/mazur.axon.json' })
    expect(JSON.parse(written.at(-1)!.text).meta.title).toBe('Edited')
    expect(reported.at(-1)).toEqual({ dirty: false, name: 'mazur.axon.json', run: null, sweep: null })
  })

  it('reports a training run with progress at once (main then asks before a close or Quit), its progress paced, and its end', async () => {
    const { useTraining } = await import('../training/trainingStore')
    const { useSweepProgress } = await import('../experiments/sweepRunner')
    const before = useTraining.getState()
    const snapshot = (epoch: number, iteration: number, state = 'running') => ({ ...before.snapshot, runId: 'run-1', epoch, iteration, state }) as unknown as typeof before.snapshot
    const info = {} as unknown as typeof before.info
    vi.useFakeTimers()
    try {
      useTraining.setState({ runId: 'run-1', info, snapshot: snapshot(0, 0) })
      expect(reported.at(-1)).toMatchObject({ run: null })
      useTraining.setState({ snapshot: snapshot(1, 40) })
      expect(reported.at(-1)).toEqual({ dirty: false, name: 'mazur.axon.json', run: 'epoch 1, iteration 40', sweep: null })
      const count = reported.length
      useTraining.setState({ snapshot: snapshot(2, 80) })
      useTraining.setState({ snapshot: snapshot(3, 120) })
      expect(reported).toHaveLength(count)
      vi.advanceTimersByTime(1000)
      expect(reported.slice(count)).toEqual([{ dirty: false, name: 'mazur.axon.json', run: 'epoch 3, iteration 120', sweep: null }])
      useSweepProgress.setState({ sweepId: 'sweep-1', total: 4, done: 1, cancelled: false })
      expect(reported.at(-1)).toMatchObject({ run: 'epoch 3, iteration 120', sweep: '1 of 4 runs done' })
      useSweepProgress.setState({ sweepId: null })
      // A diverged run has nothing left to lose: the close no longer asks.
      useTraining.setState({ snapshot: snapshot(3, 130, 'failed') })
      expect(reported.at(-1)).toEqual({ dirty: false, name: 'mazur.axon.json', run: null, sweep: null })
    } finally {
      useTraining.setState(before)
      vi.useRealTimers()
    }
  })

  it('a cancelled Save As leaves the document dirty, so the close is not approved', async () => {
    store.useDocument.getState().load(exampleProject('mazur-2-2-2')!, { fileName: 'untitled.axon.json', dirty: true })
    files.setCurrentProjectPath(null)
    dialogAnswer = null
    expect(await saveRequest!()).toBe(false)
    dialogAnswer = '/class/chosen.axon.json'
  })

  it('stores data paths relative to the project and reads them back beside it', async () => {
    open('/class/mazur.axon.json')
    await settle()
    const picked = files.toFile({ path: '/class/data/iris.csv', name: 'iris.csv', bytes: new Uint8Array([1]) })
    expect(files.projectDataPath(picked)).toBe('data/iris.csv')
    const back = await files.readProjectDataFile('data/iris.csv')
    expect(back.name).toBe('data/iris.csv')
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(new Uint8Array([7]))
  })

  it('a project dropped on the window opens with its path: Save writes back to it without asking where', async () => {
    const { openGivenFiles } = await import('./projectFilesOpened')
    await openGivenFiles([new File([xorText], 'class.axon.json')])
    expect(files.currentProjectPath()).toBe('/class/dropped/class.axon.json')
    store.useDocument.getState().setMeta({ title: 'Dropped and edited' })
    expect(await saveRequest!()).toBe(true)
    expect(written.at(-1)).toMatchObject({ kind: 'project', path: '/class/dropped/class.axon.json' })
  })

  it('a trained model main hands over (double-clicked, Open with) opens as Open model… opens it; Save then asks where, never over the model file (fails on the old code: refused as not a project)', async () => {
    const { useUi } = await import('../store/uiStore')
    otherNetwork()
    await settle()
    openedListener!({ project: picked('/class/mazur.model.json', modelText()), others: [] })
    await settle()
    expect(useUi.getState().notice?.text).toBe('Opened the model mazur.model.json: its trained weights are hand-set on the dense layers.')
    const doc = store.useDocument.getState()
    expect(doc.project.meta.title).toBe('Mazur, trained')
    expect(doc.fileName).toBeNull()
    // The trained weights, hand-set on the dense layers.
    const dense = doc.project.nodes.filter((n) => n.kind === 'dense')
    expect(dense.map((n) => Array.isArray((n.params as { weights?: unknown }).weights))).toEqual([true, true])
    expect(files.currentProjectPath()).toBeNull()
    expect(current.at(-1)).toBeNull()
    dialogAnswer = null
    expect(await saveRequest!()).toBe(false)
    dialogAnswer = '/class/chosen.axon.json'
    expect(written.some((w) => w.path === '/class/mazur.model.json')).toBe(false)
  })

  it('Open… and a drop take a model file as the desktop’s Open with does (fails on the old code)', async () => {
    const { useUi } = await import('../store/uiStore')
    const { openGivenFiles } = await import('./projectFilesOpened')
    otherNetwork()
    await settle()
    await openGivenFiles([new File([modelText()], 'xor.json')])
    expect(store.useDocument.getState().project.meta.title).toBe('Mazur, trained')
    expect(files.currentProjectPath()).toBeNull()
    expect(useUi.getState().notice?.text).toBe('Opened the model xor.json: its trained weights are hand-set on the dense layers.')
    // A broken model says what is wrong with it as a model, the canvas unchanged.
    const { openProjectFromDisk } = await import('./projectFilesOpened')
    expect(await openProjectFromDisk(new File(['{"format":"axon-studio/model","version":1}'], 'broken.model.json'))).toBe(false)
    expect(useUi.getState().notice?.text).toMatch(/^broken\.model\.json could not be opened as a model/)
    expect(store.useDocument.getState().project.meta.title).toBe('Mazur, trained')
  })
})
