import type { Channel } from '../../../shared/contract'
import type { Library } from '../../domain/library/library'
import { listCollections } from '../../domain/queries/collections-query'
import { computeInsights } from '../../domain/queries/insights-service'
import { listViews } from '../../domain/queries/views-query'
import { runValidated } from '../commands/command'
import { COMMAND_NAMES, type CommandName } from '../commands/registry'
import type { Handlers } from '../dispatch'

type WorkspaceChannel =
  CommandName | Extract<Channel, 'views:list' | 'collections:list' | 'insights:get'>

/** Every command channel runs through the one runner; the workspace reads answer directly. */
export function workspaceHandlers(library: Library): Pick<Handlers, WorkspaceChannel> {
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      (input: Parameters<typeof runValidated>[2]) => runValidated(library, name, input),
    ]),
  ) as Pick<Handlers, CommandName>
  return {
    ...commands,
    'views:list': () => listViews(library),
    'collections:list': () => listCollections(library),
    'insights:get': ({ query }) => computeInsights(library, query),
  }
}
