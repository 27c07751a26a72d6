import { focusReviewList } from '../focus'
import type { TagSummary } from '../../../shared/contract'
import type { ReviewQuery, SortField } from '../../../shared/query'
import { typedRange } from '../typed-ranges'
import { DateFilter } from './DateFilter'
import { RatingRange, type Range } from './RatingRange'
import { SetFilter } from './SetFilter'

const SORT_LABELS: Record<SortField, string> = {
  date: 'Date',
  rating: 'Rating',
  myRating: 'My rating',
  helpful: 'Helpful votes',
  helpfulRatio: 'Helpful share',
  ratingDiff: 'Mine − original',
  length: 'Length',
  title: 'Headline',
}
// Taken from the labels rather than shared/query's SORT_FIELDS, whose module pulls zod in.
const SORT_FIELDS = Object.keys(SORT_LABELS) as SortField[]

interface Props {
  query: ReviewQuery
  searchText: string
  /** Why the typed query does not parse, shown under the search box. */
  searchError?: string | null
  tags: TagSummary[]
  onSearchText: (text: string) => void
  onChange: (query: ReviewQuery) => void
  onReset: () => void
}

/** Drops empty ranges so the query stays minimal and equal filters serialise equally. */
function range<R extends Range>(value: R): R | undefined {
  return Object.values(value).some((v) => v !== undefined) ? value : undefined
}

export function FiltersBar(props: Props) {
  const { query, searchText, searchError, tags, onSearchText, onChange, onReset } = props
  const set = (patch: Partial<ReviewQuery>) => onChange({ ...query, ...patch })
  // Without a range of their own, the dropdowns show the one typed in the search box.
  const rating = query.rating ?? typedRange(searchText, 'rating') ?? {}
  const mine: NonNullable<ReviewQuery['myRating']> =
    query.myRating ?? typedRange(searchText, 'mine') ?? {}
  const tag = query.tags?.[0] ?? ''

  return (
    <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field search-field">
        <label htmlFor="search-box">Search</label>
        <input
          id="search-box"
          type="search"
          value={searchText}
          placeholder="Words, or rating:>=8 tag:acting -tag:spoiler"
          aria-invalid={searchError ? true : undefined}
          aria-describedby="search-help"
          spellCheck={false}
          onChange={(event) => onSearchText(event.target.value)}
          onKeyDown={(event) => {
            // Esc leaves the search (the list keeps the query), so the next key is a shortcut.
            if (event.key !== 'Escape') return
            event.preventDefault()
            focusReviewList()
          }}
        />
        <span id="search-help" className={searchError ? 'search-error' : 'visually-hidden'}>
          {searchError ??
            'Words match headline, author, text and notes. Fields: rating mine tag author work spoiler helpful votes length date has kept reviewed collection.'}
        </span>
      </div>

      <label className="field tag-field">
        <span>Tag</span>
        <select
          value={tag}
          onChange={(event) => set({ tags: event.target.value ? [event.target.value] : undefined })}
        >
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.count})
            </option>
          ))}
        </select>
      </label>

      <RatingRange
        caption="Rating"
        noun="rating"
        value={rating}
        onChange={(value) => set({ rating: range(value) })}
      />

      <RatingRange
        caption="Mine"
        noun="personal rating"
        value={mine}
        disabled={mine.unrated === true}
        onChange={(value) => set({ myRating: range({ ...mine, ...value }) })}
      >
        <label className="check">
          <input
            type="checkbox"
            checked={mine.unrated === true}
            onChange={(event) =>
              set({ myRating: event.target.checked ? { unrated: true } : undefined })
            }
          />
          Unrated
        </label>
      </RatingRange>

      <SetFilter
        label="Kept"
        yes="Kept"
        no="Not kept"
        value={query.kept}
        onChange={(kept) => set({ kept })}
      />
      <SetFilter
        label="Reviewed"
        yes="Reviewed"
        no="Not reviewed"
        value={query.reviewed}
        onChange={(reviewed) => set({ reviewed })}
      />

      <label className="field">
        <span>Spoilers</span>
        <select
          value={query.spoilers ?? 'include'}
          onChange={(event) => {
            const value = event.target.value as NonNullable<ReviewQuery['spoilers']>
            set({ spoilers: value === 'include' ? undefined : value })
          }}
        >
          <option value="include">Include</option>
          <option value="exclude">Hide</option>
          <option value="only">Only spoilers</option>
        </select>
      </label>

      <label className="field">
        <span>Sort by</span>
        <select
          value={query.sort?.field ?? ''}
          onChange={(event) => {
            const field = event.target.value as SortField | ''
            set({ sort: field ? { field, dir: query.sort?.dir ?? 'desc' } : undefined })
          }}
        >
          <option value="">{query.collection ? 'Collection order' : 'Page order'}</option>
          {SORT_FIELDS.map((field) => (
            <option key={field} value={field}>
              {SORT_LABELS[field]}
            </option>
          ))}
        </select>
      </label>

      <label className="field">
        <span>Order</span>
        <select
          value={query.sort?.dir ?? 'desc'}
          disabled={!query.sort}
          onChange={(event) =>
            query.sort &&
            set({ sort: { ...query.sort, dir: event.target.value === 'asc' ? 'asc' : 'desc' } })
          }
        >
          <option value="desc">Descending</option>
          <option value="asc">Ascending</option>
        </select>
      </label>

      {/* Last, so the chip coming and going does not move the other controls. */}
      <DateFilter dates={query.dates} onClear={() => set({ dates: undefined })} />

      <button type="button" className="quiet reset-filters" onClick={onReset}>
        Reset filters
      </button>
    </form>
  )
}
