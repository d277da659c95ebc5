import { describe, expect, it } from 'vitest'
import { createWindowReveal, REVEAL_WAIT_MS, type StartChoice, type StartProblem } from './windowReveal'

/** A window whose timer and dialogs the test drives: `elapse()` runs the wait, `answer()` answers the open question. */
function setup() {
  const log: string[] = []
  let timer: (() => void) | null = null
  let open: { problem: StartProblem; signal: AbortSignal; resolve: (choice: StartChoice) => void } | null = null
  const reveal = createWindowReveal({
    show: () => void log.push('shown'),
    reload: () => void log.push('reload'),
    close: () => void log.push('close'),
    log: (line) => void log.push(`log ${line}`),
    ask: (problem, signal) =>
      new Promise<StartChoice>((resolve) => {
        log.push(`ask ${problem.message} [${problem.buttons.join(' / ')}]`)
        open = { problem, signal, resolve }
        signal.addEventListener('abort', () => (log.push('question closed'), resolve('wait')))
      }),
    after: (ms, f) => {
      expect(ms).toBe(REVEAL_WAIT_MS)
      timer = f
      return () => void (timer = null)
    },
  })
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  return {
    reveal,
    log,
    settle,
    elapse: () => timer?.(),
    answer: (choice: StartChoice) => open?.resolve(choice),
    question: () => open,
  }
}

describe('the window is shown even when its page never paints', () => {
  it('shows at the first paint, once, and the wait then does nothing', () => {
    const { reveal, log, elapse } = setup()
    reveal.readyToShow()
    reveal.readyToShow()
    elapse()
    expect(log).toEqual(['shown'])
  })

  it('a page that never paints (hung while loading): shown after the wait, logged, and asked about (fails on the old code, whose window stayed hidden for ever)', async () => {
    const { log, elapse, answer, settle } = setup()
    elapse()
    expect(log).toEqual([
      'log window: no first paint after 20000 ms; shown without it',
      'shown',
      'ask Axon Studio’s window is taking long to start. [Wait / Reload / Close Window]',
    ])
    answer('reload')
    await settle()
    expect(log.at(-1)).toBe('reload')
  })

  it('Escape means Wait for a slow start (a slow page is no reason to close it), Close Window for a load that failed', () => {
    const slow = setup()
    slow.elapse()
    expect(slow.question()?.problem.choices[slow.question()!.problem.cancelId]).toBe('wait')
    const failed = setup()
    failed.reveal.loadFailed(-6, 'ERR_FILE_NOT_FOUND', 'app://axon/', true)
    expect(failed.question()?.problem.choices[failed.question()!.problem.cancelId]).toBe('close')
  })

  it('the slow start’s question closes by itself once the page appears, and does nothing', async () => {
    const { reveal, log, elapse, question, settle } = setup()
    elapse()
    reveal.pageLoaded()
    await settle()
    expect(question()?.signal.aborted).toBe(true)
    expect(log.slice(3)).toEqual(['question closed'])
  })

  it('a load that fails (a damaged install): shown at once with why, Try Again reloads, Close Window ends it; a reload’s aborted load is no failure', async () => {
    const { reveal, log, answer, settle, question, elapse } = setup()
    reveal.loadFailed(-3, 'ERR_ABORTED', 'app://axon/index.html', true)
    reveal.loadFailed(-6, 'ERR_FILE_NOT_FOUND', 'app://axon/assets/x.css', false)
    expect(log).toEqual([])
    reveal.loadFailed(-6, 'ERR_FILE_NOT_FOUND', 'app://axon/index.html', true)
    expect(log).toEqual(['log window: loading app://axon/index.html failed: ERR_FILE_NOT_FOUND (-6)', 'shown', 'ask Axon Studio could not load its window. [Try Again / Close Window]'])
    expect(question()?.problem.detail).toContain('ERR_FILE_NOT_FOUND, code -6')
    answer('reload')
    await settle()
    expect(log.at(-1)).toBe('reload')
    // The page that later paints does not close a question about a failure.
    reveal.loadFailed(-6, 'ERR_FILE_NOT_FOUND', 'app://axon/index.html', true)
    reveal.readyToShow()
    elapse()
    answer('close')
    await settle()
    expect(log.slice(4)).toEqual(['log window: loading app://axon/index.html failed: ERR_FILE_NOT_FOUND (-6)', 'ask Axon Studio could not load its window. [Try Again / Close Window]', 'close'])
  })

  it('an error status for the page (app:// answers 404 when index.html is missing from a damaged install) is a failed load, though Chromium paints its own "Not found" (fails on the old code, which showed that page without a word)', () => {
    const { reveal, log } = setup()
    reveal.navigated('app://axon/index.html', 200, 'OK')
    reveal.navigated('app://axon/index.html', -1, '')
    expect(log).toEqual([])
    reveal.navigated('app://axon/index.html', 404, 'Not Found')
    expect(log).toEqual(['log window: loading app://axon/index.html failed: Not Found (404)', 'shown', 'ask Axon Studio could not load its window. [Try Again / Close Window]'])
  })

  it('the page’s process dies before it painted: shown (the recovery reloads it) and logged; after, logged only', () => {
    const { reveal, log } = setup()
    reveal.pageGone('crashed')
    reveal.pageGone('oom')
    reveal.pageGone('clean-exit')
    expect(log).toEqual(["log window: its page's process went (crashed) before it painted; shown", 'shown', "log window: its page's process went (oom)"])
  })

  it('a closed window’s wait and question end with it', async () => {
    const { reveal, log, elapse, answer, settle } = setup()
    reveal.loadFailed(-2, 'ERR_FAILED', 'app://axon/', true)
    reveal.closed()
    answer('reload')
    elapse()
    await settle()
    expect(log.slice(2)).toEqual(['ask Axon Studio could not load its window. [Try Again / Close Window]', 'question closed'])
  })
})
