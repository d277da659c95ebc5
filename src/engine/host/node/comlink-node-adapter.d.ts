// comlink ships node-adapter.d.ts beside node-adapter.mjs, which TypeScript does not pair up.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink'
  export interface NodeEndpoint {
    postMessage(message: any, transfer?: any[]): void
    on(type: string, listener: (value: any) => void): void
    off(type: string, listener: (value: any) => void): void
    start?: () => void
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint
}
