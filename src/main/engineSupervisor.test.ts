import { describe, expect, it } from 'vitest'
import { createEngineSupervisor, type EngineChild, type RendererConnection } from './engineSupervisor'

class FakeChild implements EngineChild {
  received: Array<{ message: unknown; transfer: unknown[] }> = []
  killed = false
  private onExit: ((code: number) => void) | null = null
  postMessage(message: unknown, transfer: unknown[]) {
    this.received.push({ message, transfer })
  }
  once(_event: 'exit', listener: (code: number) => void) {
    this.onExit = listener
    return this
  }
  kill() {
    this.killed = true
    this.onExit?.(0)
    return true
  }
  crash(code = 1) {
    this.onExit?.(code)
  }
}

function setup(maxRestarts = 3, mayRestart?: () => boolean, afterExit?: (decide: () => void) => void) {
  const children: FakeChild[] = []
  const connections: Array<RendererConnection<string>> = []
  const failures: string[] = []
  const log: string[] = []
  let clock = 0
  let channel = 0
  const supervisor = createEngineSupervisor<string>({
    fork: () => {
      const child = new FakeChild()
      children.push(child)
      return child
    },
    createChannel: () => ({ port1: `p${++channel}a`, port2: `p${channel}b` }),
    connectRenderer: (c) => connections.push(c),
    reportFailure: (m) => failures.push(m),
    now: () => clock,
    mayRestart,
    afterExit,
    maxRestarts,
    log: (line) => void log.push(line),
  })
  return { supervisor, children, connections, failures, log, tick: (ms: number) => (clock += ms) }
}

describe('engine supervisor', () => {
  it('gives the engine one end and the loaded page the other end of two channels, once', () => {
    const { supervisor, children, connections } = setup()
    supervisor.start()
    expect(children).toHaveLength(1)
    expect(connections).toEqual([])
    supervisor.rendererLoaded()
    expect(children[0].received).toEqual([{ message: { type: 'axon:engine' }, transfer: ['p1a', 'p2a'] }])
    expect(connections).toEqual([{ rpc: 'p1b', events: 'p2b', restarted: false }])
  })

  it('does not fork a new engine when the engine ends while the session ends (log-off: SIGTERM to every process at once; fails on the old code)', () => {
    let ending = false
    const { supervisor, children, connections, failures } = setup(3, () => !ending)
    supervisor.start()
    supervisor.rendererLoaded()
    ending = true
    children[0].crash(143)
    expect(children).toHaveLength(1)
    expect(connections).toHaveLength(1)
    expect(failures).toEqual([])
  })

  it('does not fork a new engine when the engine ended a moment before main heard that the session ends (a log-off SIGTERMs the processes in no set order; fails on the old code, which forked at once)', () => {
    let ending = false
    const decisions: Array<() => void> = []
    const { supervisor, children, connections, failures, log } = setup(3, () => !ending, (decide) => void decisions.push(decide))
    supervisor.start()
    supervisor.rendererLoaded()
    children[0].crash(15)
    expect(children).toHaveLength(1)
    ending = true
    decisions.forEach((decide) => decide())
    expect(children).toHaveLength(1)
    expect(connections).toHaveLength(1)
    expect(failures).toEqual([])
    expect(log).toEqual(['engine: process exited (code 15) as the session ends; not restarted'])
  })

  it('logs an exit whose window closes before the restart is decided, as it closes: at a log-off main quits within that moment (fails on the old code: main.log said nothing of it)', () => {
    let ending = false
    const decisions: Array<() => void> = []
    const { supervisor, children, log } = setup(3, () => !ending, (decide) => void decisions.push(decide))
    supervisor.start()
    supervisor.rendererLoaded()
    children[0].crash(15)
    ending = true
    supervisor.stop()
    expect(log).toEqual(['engine: process exited (code 15) as the session ends; not restarted'])
    // The moment passes (if main is still there): decided already, said once.
    decisions.shift()?.()
    expect(children).toHaveLength(1)
    expect(log).toHaveLength(1)
    // Not at a session's end: the user closed the window just after the crash.
    const closed = setup(3, () => true, (decide) => void decisions.push(decide))
    closed.supervisor.start()
    closed.children[0].crash(9)
    closed.supervisor.stop()
    decisions.shift()?.()
    expect(closed.children).toHaveLength(1)
    expect(closed.log).toEqual(['engine: process exited (code 9) as its window closed; not restarted'])
  })

  it('restarts a crashed engine once the moment after its exit has passed, and not when the window closed meanwhile', () => {
    const decisions: Array<() => void> = []
    const { supervisor, children, connections } = setup(3, () => true, (decide) => void decisions.push(decide))
    supervisor.start()
    supervisor.rendererLoaded()
    children[0].crash()
    expect(children).toHaveLength(1)
    decisions.shift()?.()
    expect(children).toHaveLength(2)
    expect(connections.at(-1)).toMatchObject({ restarted: true })
    children[1].crash()
    supervisor.stop()
    decisions.shift()?.()
    expect(children).toHaveLength(2)
  })

  it('restarts a crashed engine and tells the renderer it restarted', () => {
    const { supervisor, children, connections } = setup()
    supervisor.start()
    supervisor.rendererLoaded()
    children[0].crash()
    expect(children).toHaveLength(2)
    expect(connections.at(-1)).toMatchObject({ restarted: true })
    expect(children[1].received).toHaveLength(1)
  })

  it('gives up after too many crashes in a minute and says so', () => {
    const { supervisor, children, failures, tick } = setup(2)
    supervisor.start()
    supervisor.rendererLoaded()
    children[0].crash()
    tick(1000)
    children[1].crash()
    tick(1000)
    children[2].crash(134)
    expect(children).toHaveLength(3)
    expect(failures[0]).toMatch(/exit code 134.*not restarted/)
  })

  it('an engine that keeps crashing before the page has loaded: the page is told once it loads, and so is a reloaded page (fails on the old code, which said it to no page, so the page waited for an engine for ever)', () => {
    const { supervisor, children, connections, failures } = setup(1)
    supervisor.start()
    children[0].crash(3)
    children[1].crash(3)
    expect(failures).toEqual([])
    supervisor.rendererLoaded()
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/exit code 3\) 2 times within a minute; it was not restarted again/)
    supervisor.rendererLoaded()
    expect(failures).toHaveLength(2)
    expect(connections).toEqual([])
    expect(children).toHaveLength(2)
  })

  it('logs each unexpected exit and what was done, none for a stop', () => {
    const { supervisor, children, log } = setup(1)
    supervisor.start()
    children[0].crash(9)
    children[1].crash(134)
    supervisor.stop()
    expect(log).toEqual(['engine: process exited (code 9); restarted', 'engine: process exited (code 134), 2 times within 60 s; not restarted again'])
  })

  it('forgets crashes older than the window', () => {
    const { supervisor, children, failures, tick } = setup(1)
    supervisor.start()
    children[0].crash()
    tick(61_000)
    children[1].crash()
    expect(children).toHaveLength(3)
    expect(failures).toEqual([])
  })

  it('reconnects a reloaded renderer to the same engine', () => {
    const { supervisor, children, connections } = setup()
    supervisor.start()
    supervisor.rendererLoaded()
    supervisor.rendererLoaded()
    expect(children).toHaveLength(1)
    expect(children[0].received).toHaveLength(2)
    expect(connections[1]).toEqual({ rpc: 'p3b', events: 'p4b', restarted: false })
  })

  it('tells a page that loads after a crash that the engine restarted', () => {
    const { supervisor, children, connections } = setup()
    supervisor.start()
    children[0].crash()
    expect(connections).toEqual([])
    supervisor.rendererLoaded()
    expect(connections).toEqual([{ rpc: 'p1b', events: 'p2b', restarted: true }])
    expect(children[1].received).toHaveLength(1)
  })

  it('does not restart after stop', () => {
    const { supervisor, children } = setup()
    supervisor.start()
    supervisor.stop()
    expect(children[0].killed).toBe(true)
    expect(children).toHaveLength(1)
  })
})
