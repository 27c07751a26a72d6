import { focusReviewList, focusWhenRendered, SHORTCUT_SCOPE } from '../focus'
import { useMemo, useRef, useState } from 'react'
import type { LibraryInfo, ReviewDetail, SavedViewSummary } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { plural } from '../format'
import { useBusyRunner } from '../hooks/useBusyRunner'
import { useCuration } from '../hooks/useCuration'
import type { HistoryControls } from '../hooks/useHistory'
import { useLibrary } from '../hooks/useLibrary'
import type { ReviewPages } from '../hooks/useReviewPages'
import { useSelection } from '../hooks/useSelection'
import { useShortcuts } from '../hooks/useShortcuts'
import { searchTerms } from '../search-marks'
import { tagKeyMap } from '../../../shared/tag-keys'
import { BulkBar, type BulkAction } from './BulkBar'
import { InsightsPanel } from './InsightsPanel'
import { ReaderPane } from './ReaderPane'
import { ReviewList, type ListNav } from './ReviewList'
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

/** Sidebar, list, reader or insights, the bulk bar and the keyboard: the curation workspace. */
export function Workspace(props: Props) {
  const { info, filters, query, pages, detail, selectedId, history } = props
  const { onSelect, onStatus, onError } = props
  const [insights, setInsights] = useState(false)
  const { busy, run } = useBusyRunner(onError)
  const curate = useCuration()
  const { views } = useLibrary()
  const [highlightRequest, setHighlightRequest] = useState(0)
  const nav = useRef<ListNav | null>(null)
  const selection = useSelection(query, pages.total ?? 0, onError)
  // Keys 1–9 are pinned to tags (shared/tag-keys.ts): creating a tag never moves another's key.
  const tagKeys = useMemo(() => tagKeyMap(info.tags), [info.tags])
  const tagColors = useMemo(
    () => new Map(info.tags.map((t) => [t.name.toLowerCase(), t.color])),
    [info.tags],
  )
  const knownTags = useMemo(() => info.tags.map((t) => t.name), [info.tags])
  const terms = useMemo(() => searchTerms(query.q), [query.q])

  // The status line says what a command did; the change itself arrives as library:changed.
  const apply = (work: () => Promise<string>) => run(work, onStatus)

  const many = selection.all || selection.ids.size > 1
  const runBulk = (action: BulkAction) => {
    const target = selection.target(selectedId)
    if (!target) return onStatus('Select a review first')
    const n = (changed: number) => plural(changed, 'review')
    apply(async () => {
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

  useShortcuts(
    {
      undo: history.undo,
      redo: history.redo,
      toggleTag: (key) => {
        const tag = info.tags.find((t) => tagKeys.get(t.name.toLowerCase()) === key)
        const target = selection.target(selectedId)
        if (!tag || !target) return
        apply(async () => {
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
      openReader: () => readerPane()?.focus(),
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
    <main className="workspace">
      <Sidebar
        info={info}
        filters={filters}
        query={query}
        views={views}
        history={history.state}
        tagKeys={tagKeys}
        onFilters={props.onFilters}
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
      <div className="list-column" {...{ [SHORTCUT_SCOPE]: '' }}>
        {many && (
          <BulkBar
            selection={selection}
            total={pages.total ?? 0}
            tags={info.tags}
            busy={busy}
            onAction={runBulk}
          />
        )}
        <ReviewList
          key={JSON.stringify(query)}
          pages={pages}
          selectedId={selectedId}
          selection={selection}
          tagColors={tagColors}
          terms={terms}
          onSelect={onSelect}
          nav={nav}
          head={
            <div className="list-head-actions">
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
      </div>
      {insights ? (
        <InsightsPanel
          query={query}
          onError={onError}
          onOpen={(id) => {
            onSelect(id)
            setInsights(false)
          }}
        />
      ) : (
        <ReaderPane
          detail={detail}
          knownTags={knownTags}
          tagColors={tagColors}
          highlightRequest={highlightRequest}
          terms={terms}
          onError={onError}
        />
      )}
      {props.shortcutsOpen && <ShortcutsSheet onClose={() => props.onShortcuts(false)} />}
    </main>
  )
}
