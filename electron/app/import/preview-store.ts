import { NotFoundError } from '../../domain/errors'
import type { ImportInput } from '../../domain/import/parse-input'

/** A preview's files are pipeline inputs: decoded text kept so they can be re-parsed. */
export type PreviewFile = ImportInput

export interface PreviewEntry {
  id: string
  files: PreviewFile[]
  createdAt: number
}

/**
 * Previews wait in main for the user's Commit or Cancel. They hold whole dumps, so only a few are
 * kept, and none for long: an abandoned preview must not pin 200 MB for the rest of the session.
 */
export class PreviewStore {
  private readonly entries = new Map<string, PreviewEntry>()
  private next = 1

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly max = 2,
  ) {}

  add(files: PreviewFile[]): PreviewEntry {
    this.prune()
    const entry: PreviewEntry = { id: `pv_${this.next++}`, files, createdAt: this.clock() }
    this.entries.set(entry.id, entry)
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!)
    return entry
  }

  get(id: string): PreviewEntry {
    this.prune()
    const entry = this.entries.get(id)
    if (!entry) {
      throw new NotFoundError(
        'This import preview is no longer available (it was committed, cancelled or expired): import the file again',
      )
    }
    return entry
  }

  delete(id: string): boolean {
    return this.entries.delete(id)
  }

  get size(): number {
    return this.entries.size
  }

  private prune(): void {
    const now = this.clock()
    for (const [id, entry] of this.entries) {
      if (now - entry.createdAt > this.ttlMs) this.entries.delete(id)
    }
  }
}
