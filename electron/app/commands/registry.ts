import { collectionCommands } from './collection-commands'
import { curationCommands } from './curation-commands'
import { tagCommands } from './tag-commands'
import { viewCommands } from './view-commands'

/**
 * Every user action that changes curation, tags, views or collections, by channel name. A new action is one
 * entry here (and its request schema in shared/channels); the handler table, the history and the
 * change event come with it.
 */
export const COMMANDS = {
  ...curationCommands,
  ...tagCommands,
  ...viewCommands,
  ...collectionCommands,
}

export type CommandName = keyof typeof COMMANDS
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[]
