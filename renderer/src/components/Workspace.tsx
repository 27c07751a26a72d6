import { focusReviewList, focusWhenRendered, SHORTCUT_SCOPE } from '../focus'
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react'
import type { LibraryInfo, ReviewDetail, SavedViewSummary } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { plural } from '../format'
import { useBusyRunner } from '../hooks/useBusyRunner'
import { useCopyQuote } from '../hooks/useCopyQuote'
import { useCollectionKey } from '../hooks/useCollectionKey'
import { useCollectionReorder } from '../hooks/useCollectionReorder'
import { useCuration } from '../hooks/useCuration'
import { settleWith, useEditsAhead, type Settle } from '../hooks/useEditsAhead'
import type { HistoryControls } from '../hooks/useHistory'
import { useLibrary } from '../hooks/useLibrary'
import type { ReviewPages } from '../hooks/useReviewPages'
import { useSelection } from '../hooks/useSelection'
import { useShortcuts } from '../hooks/useShortcuts'
import { useWorkspaceLayout } from '../hooks/useWorkspaceLayout'
import { searchTerms } from '../search-marks'
import { tagKeyMap } from '../../../shared/tag-keys'
import { AddToCollectionDialog } from './AddToCollectionDialog'
import type { BulkAction } from './BulkBar'
import { CollectionBar } from './CollectionBar'
import { InsightsPanel } from './InsightsPanel'
import { PaneLayout, PaneToggles } from './PaneLayout'
import { ReaderPane } from './ReaderPane'
import { ReviewList, type ListNav } from './ReviewList'
import { SelectionPane } from './SelectionPane'
import { ShortcutsSheet } from './ShortcutsSheet'
import { Sidebar } from './Sidebar'

interface Props {
  info: LibraryInfo
  /** The filters the UI controls set (the typed query is applied on top of them). */
  filters: ReviewQuery
  /** The full query the list shows. */
  query: ReviewQuery
  /** The query as typed this instant (the list waits for a pause in typing): what a view saves. */
  typedQuery: ReviewQuery
  pages: ReviewPages
  detail: ReviewDetail | null
  selectedId: string | null
  history: HistoryControls
  shortcutsOpen: boolean
  onShortcuts: (open: boolean) => void
  onSelect: (id: string | null) => void
  onFilters: (query: ReviewQuery) => void
  /** Replaces the whole query (a saved view): filters and the typed query at once. */
  onApplyQuery: (query: ReviewQuery) => void
  onStatus: (message: string) => void
  onError: (message: string) => void
}

const readerPane = () => document.querySelector<HTMLElement>('section[aria-label="Review"]')

/** Sidebar, list (with insights under it), reader or selection pane, and the keyboard. */
export function Workspace(props: Props) {
  const { info, filters, query, pages, detail, selectedId, history } = props
  const { onSelect, onStatus, onError } = props
  const [insights, setInsights] = useState(false)
  const { busy, run } = useBusyRunner(onError)
  const curate = useCuration()
  const copyQuote = useCopyQuote(onStatus, onError)
  const { views, collections } = useLibrary()
  const [adding, setAdding] = useState(false)
  const [highlightRequest, setHighlightRequest] = useState(0)
  const nav = useRef<ListNav | null>(null)
  const selection = useSelection(query, pages.total ?? 0, onError)
  const panes = useWorkspaceLayout(onError)
  // Keys 1–9 are pinned to tags (shared/tag-keys.ts): creating a tag never moves another's key.
  const tagKeys = useMemo(() => tagKeyMap(info.tags), [info.tags])
  // Built from the names and colours alone: tag counts change with every edit, and a new map
  // would re-render every row of the list.
  const colorKey = JSON.stringify(info.tags.map((t) => [t.name.toLowerCase(), t.color]))
  const tagColors = useMemo(() => new Map(JSON.parse(colorKey) as [string, string][]), [colorKey])
  const knownTags = useMemo(() => info.tags.map((t) => t.name), [info.tags])
  const terms = useMemo(() => searchTerms(query.q), [query.q])
  // The reader marks its whole text: a render after the urgent one, which sends the new query
  // and shows its rows (the list marks the rows' own query, see ReviewList).
  const readerTerms = useDeferredValue(terms)

  // The status line says what a command did; the change itself arrives as library:changed.
  const apply = (work: () => Promise<string>) => run(work, onStatus)
  // Tag, rate and keep show on the list's rows at once, before main has them on disk.
  const ahead = useEditsAhead(pages, info.tags)
  const applyAhead = (settle: Settle, work: () => Promise<string>) =>
    run(settleWith(settle, work), onStatus)

  const many = selection.all || selection.ids.size > 1
  const runBulk = (action: BulkAction) => {
    const target = selection.target(selectedId)
    if (!target) return onStatus('Select a review first')
    const n = (changed: number) => plural(changed, 'review')
    applyAhead(ahead(target, action), async () => {
      switch (action.kind) {
        case 'tag':
          return `Tagged ${n((await curate.tag({ ...target, tags: [action.tag] })).changed)} ${action.tag}`
        case 'untag':
          return `Removed ${action.tag} from ${n((await curate.untag({ ...target, tags: [action.tag] })).changed)}`
        case 'rate': {
          const { changed } = await curate.rate({ ...target, rating: action.rating })
          return action.rating === null
            ? `Cleared my rating of ${n(changed)}`
            : `Rated ${n(changed)} ${action.rating}/10`
        }
        case 'keep': {
          const { changed } = await curate.keep({ ...target, kept: action.kept })
          return `${action.kept ? 'Kept' : 'Unkept'} ${n(changed)}`
        }
        case 'reviewed': {
          const { changed } = await curate.reviewed({ ...target, reviewed: action.reviewed })
          return `Marked ${n(changed)} ${action.reviewed ? 'reviewed' : 'not reviewed'}`
        }
      }
    })
  }

  const viewing = query.collection ? collections.find((c) => c.id === query.collection) : undefined
  // A collection just created is shown before the list of collections is read again: only one
  // that was listed and is gone is reported as gone.
  const [seenCollections] = useState(() => new Set<string>())
  for (const c of collections) seenCollections.add(c.id)
  const reorder = useCollectionReorder({
    collection: viewing && !query.sort ? viewing : undefined,
    pages,
    selectedId,
    onStatus,
    onError,
  })
  const openAddNow = () => {
    if (selection.target(selectedId)) setAdding(true)
    else onStatus('Select a review first')
  }
  // One function for the workspace's life, so the memoised reader does not re-render for it.
  const openAddLatest = useRef(openAddNow)
  openAddLatest.current = openAddNow
  const openAdd = useCallback(() => openAddLatest.current(), [])
  useCollectionKey(openAdd)
  const addTarget = adding ? selection.target(selectedId) : null
  const selectedCount = selection.all || selection.ids.size > 1 ? selection.count : 1

  useShortcuts(
    {
      undo: history.undo,
      redo: history.redo,
      toggleTag: (key) => {
        const tag = info.tags.find((t) => tagKeys.get(t.name.toLowerCase()) === key)
        const target = selection.target(selectedId)
        if (!tag || !target) return
        applyAhead(ahead(target, { kind: 'toggle-tag', tag: tag.name }), async () => {
          const { changed, added } = await curate.toggleTag({ ...target, tag: tag.name })
          return `${added ? 'Tagged' : 'Untagged'} ${plural(changed, 'review')} ${tag.name}`
        })
      },
      rate: (rating) => runBulk({ kind: 'rate', rating }),
      toggleKeep: () => {
        runBulk({ kind: 'keep', kept: many ? true : !detail?.curation.kept })
      },
      reviewedNext: () => {
        runBulk({ kind: 'reviewed', reviewed: true })
        // On one review the next one comes up to read; a selection stays for its next action.
        if (!many) nav.current?.step(1)
      },
      step: (by) => nav.current?.step(by),
      highlight: () => setHighlightRequest((n) => n + 1),
      showShortcuts: () => props.onShortcuts(true),
      toggleInsights: () => setInsights((v) => !v),
      focusSearch: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
      focusList: focusReviewList,
      copyQuote: () => copyQuote(selectedId),
      // The review's text, so that Tab reaches its tags and note in a few steps.
      openReader: () => {
        const pane = readerPane()
        ;(pane?.querySelector<HTMLElement>('.review-body-wrap') ?? pane)?.focus()
      },
      focusTagField: () => {
        setInsights(false)
        focusWhenRendered(() => readerPane()?.querySelector<HTMLElement>('[data-field="tag"]'))
      },
      focusNote: () => {
        setInsights(false)
        focusWhenRendered(() => readerPane()?.querySelector<HTMLElement>('[data-field="note"]'))
      },
    },
    true,
  )

  return (
    <PaneLayout layout={panes.layout} onChange={panes.change}>
      <Sidebar
        info={info}
        filters={filters}
        query={query}
        views={views}
        history={history.state}
        tagKeys={tagKeys}
        onFilters={props.onFilters}
        onViewCollection={(id) =>
          id
            ? props.onApplyQuery({ collection: id })
            : props.onFilters({ ...filters, collection: undefined })
        }
        onApplyView={(view: SavedViewSummary) => props.onApplyQuery(view.query)}
        onSaveView={(name) =>
          apply(async () => {
            await curate.views.save({ name, query: props.typedQuery })
            return `Saved view ${name}`
          })
        }
        onStatus={onStatus}
        onError={onError}
      />
      <div
        className={['list-column', viewing && 'in-collection', insights && 'with-insights']
          .filter(Boolean)
          .join(' ')}
        onKeyDownCapture={reorder.onKeyDownCapture}
        onPointerDown={reorder.onPointerDown}
        {...{ [SHORTCUT_SCOPE]: '' }}
      >
        {viewing && (
          <CollectionBar
            collection={viewing}
            sorted={query.sort !== undefined}
            removable={selectedId ? selectedCount : 0}
            onRemove={() => {
              const target = selection.target(selectedId)
              if (!target) return
              apply(async () => {
                const c = await curate.collections.removeReviews({ id: viewing.id, ...target })
                return `Removed ${plural(selectedCount, 'review')} from ${c.name}`
              })
            }}
            onLeave={() => props.onFilters({ ...filters, collection: undefined })}
          />
        )}
        {query.collection && !viewing && seenCollections.has(query.collection) && (
          // Deleted (or its creation undone) while shown: say so rather than show an empty list.
          <div className="collection-bar">
            <p className="collection-title">This collection no longer exists.</p>
            <button
              type="button"
              className="quiet"
              onClick={() => props.onFilters({ ...filters, collection: undefined })}
            >
              All reviews
            </button>
          </div>
        )}
        <ReviewList
          pages={pages}
          selectedId={selectedId}
          selection={selection}
          tagColors={tagColors}
          onSelect={onSelect}
          columns={panes.layout.columns}
          onColumns={(columns) => panes.change((layout) => ({ ...layout, columns }))}
          sort={filters.sort}
          onSort={(sort) => props.onFilters({ ...filters, sort })}
          nav={nav}
          head={
            <div className="list-head-actions">
              <PaneToggles layout={panes.layout} onChange={panes.change} />
              {!many && (pages.total ?? 0) > 1 && (
                <button type="button" className="quiet" onClick={selection.selectAll}>
                  Select all
                </button>
              )}
              <button
                type="button"
                className="quiet"
                aria-pressed={insights}
                title="Charts for the reviews the list shows (I)"
                onClick={() => setInsights((v) => !v)}
              >
                Insights
              </button>
            </div>
          }
        />
        {/* Under the list, so the reader keeps its review while the figures are open. */}
        {insights && (
          <InsightsPanel
            query={query}
            onError={onError}
            onOpen={onSelect}
            onFilter={(patch) => props.onFilters({ ...filters, ...patch })}
          />
        )}
      </div>
      {many ? (
        <SelectionPane
          selection={selection}
          pages={pages}
          tags={info.tags}
          busy={busy}
          onAction={runBulk}
          onAddToCollection={openAdd}
        />
      ) : (
        <ReaderPane
          detail={detail}
          waiting={selectedId !== null}
          knownTags={knownTags}
          tagColors={tagColors}
          highlightRequest={highlightRequest}
          terms={readerTerms}
          onError={onError}
          onAddToCollection={openAdd}
        />
      )}
      {addTarget && (
        <AddToCollectionDialog
          target={addTarget}
          count={selectedCount}
          onClose={() => setAdding(false)}
          onDone={(status) => {
            setAdding(false)
            onStatus(status)
          }}
        />
      )}
      {props.shortcutsOpen && <ShortcutsSheet onClose={() => props.onShortcuts(false)} />}
    </PaneLayout>
  )
}
