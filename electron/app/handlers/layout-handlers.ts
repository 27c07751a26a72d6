import { DEFAULT_LAYOUT } from '../../../shared/channels/layout'
import type { Library } from '../../domain/library/library'
import type { Handlers } from '../dispatch'

/** The workspace layout of the open library: read on open, written when the user changes it. */
export function layoutHandlers(library: Library): Pick<Handlers, 'layout:get' | 'layout:set'> {
  return {
    'layout:get': () => library.layout ?? DEFAULT_LAYOUT,
    'layout:set': async (layout) => {
      // Unchanged layouts (a click that moved nothing) do not rewrite library.json.
      if (JSON.stringify(layout) !== JSON.stringify(library.layout)) {
        await library.saveLayout(layout)
      }
      return layout
    },
  }
}
