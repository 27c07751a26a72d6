import {
  collectionActions,
  curationActions,
  historyActions,
  openExternal,
  tagActions,
  viewActions,
} from '../data/curation-actions'

const commands = {
  ...curationActions,
  tags: tagActions,
  views: viewActions,
  collections: collectionActions,
  history: historyActions,
  openExternal,
} as const

export type CurationCommands = typeof commands

/**
 * The commands components may give (components never import the IPC module: lint forbids it).
 * They only send the command; what changed comes back through LibraryProvider's event.
 */
export function useCuration(): CurationCommands {
  return commands
}
