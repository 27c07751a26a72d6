import type { Library } from '../../domain/library/library'
import { applyReparse, previewReparse } from '../import/reparse-service'
import type { Handlers } from '../dispatch'

/** Re-parse the kept sources: the diff first, then (on Accept) the change as one undoable step. */
export function reparseHandlers(
  library: Library,
): Pick<Handlers, 'library:reparse-preview' | 'library:reparse-apply'> {
  return {
    'library:reparse-preview': ({ importId }) => previewReparse(library, importId),
    'library:reparse-apply': ({ importId }) => applyReparse(library, importId),
  }
}
