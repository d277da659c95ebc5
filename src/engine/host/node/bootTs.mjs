// Boots a TypeScript worker entry under tsx: Node 20 ignores `--import tsx` in Worker execArgv.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
