/**
 * Keeps the engine process alive and connected to the renderer.
 *
 * Each connection is two fresh channels (rpc + events, see engine/host/rpc/connect.ts): one end
 * of each goes to the engine process, the other to the renderer. When the engine process exits
 * unexpectedly it is forked again and the renderer gets new ports with `restarted: true`, so the
 * UI can say so and keep the user's graph. Electron-free: main passes in the real fork and
 * channel factories, tests pass fakes.
 */

export interface EngineChild<P = unknown> {
  postMessage(message: unknown, transfer: P[]): void
  once(event: 'exit', listener: (code: number) => void): unknown
  kill(): boolean
}

export interface PortPair<P> {
  port1: P
  port2: P
}

export interface RendererConnection<P> {
  rpc: P
  events: P
  /** True when the engine process had died and this is the replacement. */
  restarted: boolean
}

export interface EngineSupervisorDeps<P> {
  fork(): EngineChild<P>
  createChannel(): PortPair<P>
  /** Hand the renderer its ends of a fresh connection. */
  connectRenderer(connection: RendererConnection<P>): void
  /** Called when restarts keep failing (again for each page that loads after): the renderer should show it. */
  reportFailure(message: string): void
  now(): number
  /**
   * False while the OS ends the session: a log-off sends SIGTERM to every process of the session
   * at once, the engine's too, and the window is about to close: a new engine would only be
   * forked to be killed. Default: always restart.
   */
  mayRestart?(): boolean
  /**
   * Runs `decide` a moment after the engine ended (main: SESSION_END_GRACE_MS, sessionEnd.ts), when
   * restarting is decided. A log-off's SIGTERMs reach the processes in no set order: the engine may
   * end before main has heard its own and knows the session ends (`mayRestart` still true then).
   * Default: at once.
   */
  afterExit?(decide: () => void): void
  /** main.log: each unexpected exit of the engine process, and what was done about it. */
  log?(line: string): void
  /** Most restarts allowed within `restartWindowMs` before giving up. Default 3. */
  maxRestarts?: number
  restartWindowMs?: number
}

export interface EngineSupervisor {
  /** Fork the engine. The renderer is connected once its page has loaded. */
  start(): void
  /**
   * The page finished loading (first load or a reload): give it one connection to the running
   * engine. Only here: connecting on fork too would hand the first page two engines.
   */
  rendererLoaded(): void
  stop(): void
}

/** Takes a restart at `now` if it fits: at most `max` within `windowMs`, older ones forgotten. */
function restartBudget(max: number, windowMs: number): (now: number) => boolean {
  const restarts: number[] = []
  return (now) => {
    while (restarts.length && now - restarts[0] > windowMs) restarts.shift()
    if (restarts.length >= max) return false
    restarts.push(now)
    return true
  }
}

export function createEngineSupervisor<P>(deps: EngineSupervisorDeps<P>): EngineSupervisor {
  const maxRestarts = deps.maxRestarts ?? 3
  const windowMs = deps.restartWindowMs ?? 60_000
  const takeRestart = restartBudget(maxRestarts, windowMs)
  let child: EngineChild<P> | null = null
  let stopping = false
  let pageLoaded = false
  let restartUnreported = false
  /** Why the engine was given up on: every page that loads from then on is told. */
  let failure: string | null = null
  /** The exit code of an engine that ended unexpectedly, while its restart waits for its moment (`afterExit`). */
  let pendingExit: number | null = null

  function connect(restarted: boolean): void {
    if (!child) return
    const rpc = deps.createChannel()
    const events = deps.createChannel()
    child.postMessage({ type: 'axon:engine' }, [rpc.port1, events.port1])
    deps.connectRenderer({ rpc: rpc.port2, events: events.port2, restarted })
  }

  function connectIfLoaded(restarted: boolean): void {
    if (pageLoaded) connect(restarted)
    else restartUnreported ||= restarted
  }

  function spawn(restarted: boolean): void {
    const current = deps.fork()
    child = current
    current.once('exit', (code) => {
      if (stopping || child !== current) return
      child = null
      pendingExit = code
      const afterExit = deps.afterExit ?? ((decide: () => void) => decide())
      afterExit(restartAfter)
    })
    if (restarted) connectIfLoaded(true)
  }

  /** An exit that is not followed by a restart, said in main.log (the session's end, or the window's close). */
  function notRestarted(code: number): void {
    deps.log?.(`engine: process exited (code ${code}) ${deps.mayRestart?.() === false ? 'as the session ends' : 'as its window closed'}; not restarted`)
  }

  /** The engine ended unexpectedly a moment ago: fork it again, unless the window or the session is ending, or it keeps ending. */
  function restartAfter(): void {
    const code = pendingExit
    // Decided already: the window closed meanwhile (stop).
    if (code === null) return
    pendingExit = null
    if (stopping || deps.mayRestart?.() === false) return notRestarted(code)
    if (!takeRestart(deps.now())) {
      deps.log?.(`engine: process exited (code ${code}), ${maxRestarts + 1} times within ${windowMs / 1000} s; not restarted again`)
      failure = `The engine process stopped (exit code ${code}) ${maxRestarts + 1} times within a minute; it was not restarted again. Your graph is safe: save it and restart Axon Studio.`
      // A page still loading would not hear it: it is told once loaded.
      if (pageLoaded) deps.reportFailure(failure)
      return
    }
    deps.log?.(`engine: process exited (code ${code}); restarted`)
    spawn(true)
  }

  return {
    start: () => spawn(false),
    rendererLoaded() {
      pageLoaded = true
      if (failure) return deps.reportFailure(failure)
      connect(restartUnreported)
      restartUnreported = false
    },
    stop() {
      stopping = true
      // An exit still waiting for its moment is decided now: at a log-off main quits within it.
      if (pendingExit !== null) notRestarted(pendingExit)
      pendingExit = null
      child?.kill()
      child = null
    },
  }
}
