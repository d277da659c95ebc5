/** Running exported scripts with Debian's Python (torch, numpy, onnx; test/requires.ts says when they are missing). */
import { spawnSync } from 'node:child_process'
import { PYTHON } from '../requires'

export { PYTHON } from '../requires'

export interface ScriptRun {
  script: string
  code: number
  stderr: string
}

/** Runs each script with its arguments in one Python process (see runScripts.py). */
export function runScripts(jobs: { script: string; args: string[] }[], cwd: string): ScriptRun[] {
  const r = spawnSync(PYTHON, [new URL('./runScripts.py', import.meta.url).pathname], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    cwd,
    maxBuffer: 64 << 20,
  })
  if (r.status !== 0) throw new Error(`runScripts.py failed: ${r.stderr}`)
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as ScriptRun)
}

/** Runs one command with PYTHON (or another program) and returns its output. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
