// Holds an event that arrives before the page listens for it. Files opened with the app arrive
// as the window loads, before React has subscribed; without this the first one would be lost.

const MAX_PENDING = 20

export class EventBuffer<P> {
  private pending: P[] = []
  private readonly listeners = new Set<(payload: P) => void>()

  deliver(payload: P): void {
    if (this.listeners.size === 0) {
      if (this.pending.length < MAX_PENDING) this.pending.push(payload)
      return
    }
    for (const listener of [...this.listeners]) listener(payload)
  }

  subscribe(listener: (payload: P) => void): () => void {
    this.listeners.add(listener)
    // Later, so a subscriber that unsubscribes at once (React's StrictMode mounts effects
    // twice) leaves the held events to the one that stays.
    if (this.pending.length > 0) queueMicrotask(() => this.flush())
    return () => {
      this.listeners.delete(listener)
    }
  }

  private flush(): void {
    if (this.listeners.size === 0) return
    const held = this.pending
    this.pending = []
    for (const payload of held) for (const listener of [...this.listeners]) listener(payload)
  }
}
