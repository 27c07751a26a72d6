// Undo and redo for the session (Tropy's model): every change the user makes is recorded as a step
// that knows how to undo and redo itself, so curation edits, bulk edits and imports share one
// mechanism and one visible history.

import type { HistoryEntry, HistoryState, StepKind } from '../../../shared/channels/history'

export interface Step {
  label: string
  kind: StepKind
  undo(): Promise<void>
  redo(): Promise<void>
}

interface Recorded extends Step {
  id: number
  at: string
}

export class History {
  private done: Recorded[] = []
  private undone: Recorded[] = []
  private nextId = 1

  constructor(
    private readonly now: () => Date,
    private readonly limit = 200,
  ) {}

  record(step: Step): void {
    this.done.push({ ...step, id: this.nextId++, at: this.now().toISOString() })
    if (this.done.length > this.limit) this.done.shift()
    this.undone = []
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }

  /** Undoes the newest step; returns it, or null when there is nothing to undo. */
  async undo(): Promise<HistoryEntry | null> {
    const step = this.done.at(-1)
    if (!step) return null
    await step.undo()
    this.done.pop()
    this.undone.push(step)
    return this.entry(step, true)
  }

  async redo(): Promise<HistoryEntry | null> {
    const step = this.undone.at(-1)
    if (!step) return null
    await step.redo()
    this.undone.pop()
    this.done.push(step)
    return this.entry(step, false)
  }

  state(): HistoryState {
    return { entries: this.entries(), canUndo: this.canUndo, canRedo: this.canRedo }
  }

  /** Newest first: the steps that can be redone, then the ones that can be undone. */
  entries(limit = 50): HistoryEntry[] {
    return [
      ...this.undone.map((s) => this.entry(s, true)),
      ...[...this.done].reverse().map((s) => this.entry(s, false)),
    ].slice(0, limit)
  }

  private entry(step: Recorded, undone: boolean): HistoryEntry {
    return { id: step.id, label: step.label, kind: step.kind, at: step.at, undone }
  }
}
