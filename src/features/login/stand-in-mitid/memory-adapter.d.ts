// The package's own in-memory adapter; @types/oidc-provider does not cover this internal path.
declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  import type { AdapterFactory } from 'oidc-provider';

  /** A fresh store per call; stored entries live for their ttl plus `clockTolerance` seconds. */
  export function createMemoryAdapter(clockTolerance?: number): AdapterFactory;
}
