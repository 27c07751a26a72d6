import type { Curation } from '../../../shared/domain'
import type { Library } from '../../../electron/domain/library/library'

/** Writes curation straight to the store, for fixtures no single command would build. */
export async function writeCuration(
  library: Library,
  ids: string[],
  update: (c: Curation) => Curation,
): Promise<void> {
  await library.saveCuration(new Map(ids.map((id) => [id, update(library.getCuration(id))])))
}
