import type { CuratorApi } from '../../shared/contract'

// The preload exposes exactly this object; the page has no other way to reach main.
declare global {
  interface Window {
    curator: CuratorApi
  }
}

export {}
