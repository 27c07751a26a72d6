import { workLabel } from '../../../shared/work-label'
import type { ExportOptions, ExportScope } from '../../../shared/channels/export'
import type { ReviewQuery } from '../../../shared/query'
import { collectionNames, findCollectionByRef } from '../collections/find-collection'
import { BadInputError, NotFoundError } from '../errors'
import type { Library } from '../library/library'
import { matchReviews, type Match } from '../queries/query-service'

export interface ResolvedScope {
  /** What the export holds, in words, for the report's heading and the JSON's `scope.label`. */
  label: string
  query: ReviewQuery
  /** Set for a selection: exactly these reviews, in this order. */
  ids?: string[]
  /** What kind of set this is, for the report's default title and file name. */
  subject?: ScopeSubject
}

export interface ScopeSubject {
  kind: ExportScope['kind']
  /** The tag's, saved view's or collection's name. */
  name?: string
}

export function resolveScope(library: Library, scope: ExportScope): ResolvedScope {
  switch (scope.kind) {
    case 'selection':
      return {
        label: `${scope.ids.length} selected reviews`,
        query: {},
        ids: scope.ids,
        subject: { kind: 'selection' },
      }
    case 'query':
      return { label: 'The current list', query: scope.query, subject: { kind: 'query' } }
    case 'view': {
      const view = library.views.find((v) => v.id === scope.id)
      if (!view) throw new NotFoundError(`No saved view with id ${scope.id}`)
      return {
        label: `Saved view “${view.name}”`,
        query: view.query,
        subject: { kind: 'view', name: view.name },
      }
    }
    case 'tag':
      return {
        label: `Tag “${scope.tag}”`,
        query: { tags: [scope.tag] },
        subject: { kind: 'tag', name: scope.tag },
      }
    case 'work': {
      const work = library.getWork(scope.workId)
      if (!work) throw new NotFoundError(`No work with id ${scope.workId}`)
      const label = workLabel(work)
      return { label, query: { workId: scope.workId }, subject: { kind: 'work' } }
    }
    case 'kept':
      return { label: 'Kept reviews', query: { kept: true }, subject: { kind: 'kept' } }
    case 'collection': {
      const collection = library.collections.find((c) => c.id === scope.id)
      if (!collection) throw new NotFoundError(`No collection with id ${scope.id}`)
      return {
        label: `Collection “${collection.name}”`,
        query: { collection: collection.id },
        subject: { kind: 'collection', name: collection.name },
      }
    }
    case 'reviewed':
      return { label: 'Reviewed reviews', query: { reviewed: true }, subject: { kind: 'reviewed' } }
    case 'library':
      return { label: 'The whole library', query: {}, subject: { kind: 'library' } }
  }
}

/** Finds a collection by id or (case-insensitively) by name, for the CLI's --collection. */
export function findCollectionScope(library: Library, nameOrId: string): ResolvedScope {
  const found = findCollectionByRef(library.collections, nameOrId)
  if (!found)
    throw new BadInputError(
      `No collection named "${nameOrId}"; ${collectionNames(library.collections)}`,
    )
  return resolveScope(library, { kind: 'collection', id: found.id })
}

/** Finds a saved view by id or (case-insensitively) by name, for the CLI's --view. */
export function findView(library: Library, nameOrId: string): ResolvedScope {
  const wanted = nameOrId.trim().toLowerCase()
  const view = library.views.find((v) => v.id === nameOrId || v.name.toLowerCase() === wanted)
  if (!view) {
    const names = library.views.map((v) => `"${v.name}"`).join(', ')
    throw new BadInputError(
      `No saved view named "${nameOrId}"${names ? `; the saved views are ${names}` : ''}`,
    )
  }
  return {
    label: `Saved view “${view.name}”`,
    query: view.query,
    subject: { kind: 'view', name: view.name },
  }
}

const isEverything = (query: ReviewQuery, sort: ReviewQuery['sort']): boolean =>
  !sort && Object.values(query).every((v) => v === undefined || v === '')

/**
 * The whole library in its own order, without the search index: a backup or a CLI export of
 * everything must not build an index of 100,000 reviews it does not need.
 */
function everything(library: Library): Match[] {
  return Array.from(library.allReviews(), (review) => ({
    review,
    curation: library.getCuration(review.id),
  }))
}

function selectIds(library: Library, ids: string[]): Match[] {
  const missing = ids.filter((id) => !library.getReview(id))
  if (missing.length > 0) {
    throw new NotFoundError(`No review with id ${missing.slice(0, 5).join(', ')}`)
  }
  return [...new Set(ids)].map((id) => ({
    review: library.getReview(id)!,
    curation: library.getCuration(id),
  }))
}

/** The reviews an export writes, after the spoiler option and the chosen order. */
export function selectMatches(
  library: Library,
  scope: ResolvedScope,
  options: Pick<ExportOptions, 'includeSpoilers' | 'order'>,
): Match[] {
  const sort = options.order ?? scope.query.sort
  let matches = scope.ids
    ? selectIds(library, scope.ids)
    : isEverything(scope.query, sort)
      ? everything(library)
      : matchReviews(library, { ...scope.query, sort })
  if (scope.ids && options.order) {
    // A selection keeps its click order unless an order was asked for.
    const order = new Map(
      matchReviews(library, { sort: options.order }).map((m, i) => [m.review.id, i]),
    )
    matches = [...matches].sort((a, b) => order.get(a.review.id)! - order.get(b.review.id)!)
  }
  if (!options.includeSpoilers) matches = matches.filter((m) => !m.review.spoiler)
  return matches
}
