import type { z } from 'zod'
import { contract, type Channel, type Req, type Res } from '../../../shared/contract'
import type { StepKind } from '../../../shared/channels/history'
import type { Curation } from '../../../shared/domain'
import { BadInputError } from '../../domain/errors'
import { describeIssues } from '../../domain/describe-issues'
import type { Library } from '../../domain/library/library'
import { commitPatch, frozen, inverseOf, isEmptyPatch, type Patch } from './patch'
import { COMMANDS, type CommandName } from './registry'

/** What a command decided to do, computed before anything is written. */
export interface Planned<R> {
  patch: Patch
  label: string
  /** The answer to the caller, read after the commit. */
  result: (library: Library) => R
}

/**
 * One user action (Tropy's model): `plan` reads the library and returns the values to write;
 * the runner applies them, and inverts them from what the library held before, for undo.
 * The input schema is the contract's request schema for the channel of the same name.
 */
export interface Command<N extends Channel> {
  kind: StepKind
  plan(library: Library, input: z.output<(typeof contract)[N]['req']>): Planned<Res<N>>
}

/**
 * Runs an already validated command: plan, commit, record one history step. The window's change
 * event follows from the commit (see change-events.ts); an edit that changes nothing records
 * nothing.
 */
export async function runValidated<N extends CommandName>(
  library: Library,
  name: N,
  input: z.output<(typeof contract)[N]['req']>,
): Promise<Res<N>> {
  const command = COMMANDS[name] as unknown as Command<N>
  const planned = command.plan(library, input)
  if (isEmptyPatch(planned.patch)) return planned.result(library)
  const patch = stamped(library, planned.patch)
  const inverse = inverseOf(library, patch)
  await commitPatch(library, patch, planned.label)
  library.history.record({
    label: planned.label,
    kind: command.kind,
    undo: () => commitPatch(library, inverse, `Undo ${planned.label}`),
    redo: () => commitPatch(library, patch, planned.label),
  })
  return planned.result(library)
}

/** Validates raw input against the channel's schema (the CLI's door), then runs the command. */
export function runCommand<N extends CommandName>(
  library: Library,
  name: N,
  input: Req<N>,
): Promise<Res<N>> {
  const parsed = contract[name].req.safeParse(input)
  if (!parsed.success) {
    return Promise.reject(new BadInputError(`${name}: ${describeIssues(parsed.error.issues)}`))
  }
  return runValidated(library, name, parsed.data as z.output<(typeof contract)[N]['req']>)
}

function stamped(library: Library, patch: Patch): Patch {
  if (!patch.curation) return patch
  const updatedAt = library.now().toISOString()
  // The plan's map is the command's own: its values are replaced in place, which costs a
  // fraction of building a second map of 100,000 entries. A value shared by many reviews stays
  // shared (see curationChanges); the value objects themselves are never changed.
  const stamps = new Map<Curation, Curation>()
  for (const [id, c] of patch.curation) {
    let next = stamps.get(c)
    if (!next) stamps.set(c, (next = { ...c, updatedAt }))
    else frozen(next)
    patch.curation.set(id, next)
  }
  return patch
}
