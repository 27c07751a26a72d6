import { CuratorError } from '../errors'
import { SCHEMA_VERSION } from './schema'

/** One step from `from` to `from + 1`, applied to any of the library's files. */
export interface Migration {
  from: number
  kind: 'library' | 'reviews' | 'curation' | 'any'
  migrate(data: Record<string, unknown>): Record<string, unknown>
}

/**
 * Ordered migrations. Version 0 is the unversioned shape of pre-release builds: the same fields
 * without `schemaVersion`, which we adopt as version 1.
 */
export const MIGRATIONS: Migration[] = [
  { from: 0, kind: 'any', migrate: (data) => ({ ...data, schemaVersion: 1 }) },
]

export type FileKind = Exclude<Migration['kind'], 'any'>

/**
 * Brings a file's parsed JSON up to SCHEMA_VERSION. Returns whether anything changed so the caller
 * can write the upgraded file back. Refuses files from a newer app rather than guessing.
 */
export function migrate(
  data: Record<string, unknown>,
  kind: FileKind,
  file: string,
  migrations: Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): { data: Record<string, unknown>; changed: boolean } {
  const raw = data.schemaVersion ?? 0
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw new CuratorError(
      'bad-input',
      `${file}: schemaVersion must be a whole number, got ${JSON.stringify(raw)}`,
    )
  }
  if (raw > target) {
    throw new CuratorError(
      'bad-input',
      `${file} was written by a newer Review Curator (schema ${raw}, this version reads up to ${target}); update the app`,
    )
  }
  let current = data
  for (let version = raw; version < target; version++) {
    const step = migrations.find((m) => m.from === version && (m.kind === kind || m.kind === 'any'))
    if (!step) throw new CuratorError('internal', `${file}: no migration from schema ${version}`)
    current = step.migrate(current)
  }
  return { data: current, changed: raw !== target }
}
