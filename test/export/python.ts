/** Running exported scripts with Debian's Python (torch, numpy, onnx), or saying why not. */
import { spawnSync } from 'node:child_process'

export const PYTHON = process.env.AXON_PYTHON ?? '/usr/bin/python3'

/** Why `modules` cannot be imported by PYTHON, or null when they can. */
export function pythonMissing(...modules: string[]): string | null {
  const r = spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' })
  if (r.error) return `${PYTHON} is not available (${r.error.message}); install python3 and ${modules.join(', ')} (Debian: apt-get install python3-torch python3-onnx)`
  if (r.status !== 0) return `${PYTHON} cannot import ${modules.join(', ')}: ${r.stderr.trim().split('\n').pop()} (Debian: apt-get install python3-torch python3-onnx)`
  return null
}

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
