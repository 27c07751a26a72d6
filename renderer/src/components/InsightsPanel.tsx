import { useId, useState } from 'react'
import type { Insights } from '../../../shared/contract'
import { periodSpan } from '../../../shared/date-period'
import type { ReviewQuery } from '../../../shared/query'
import { plural } from '../format'
import { useInsights } from '../hooks/useInsights'
import { InsightBars, type BarRow, type BarScale } from './InsightBars'
import { OverTimeChart } from './OverTimeChart'

interface Props {
  query: ReviewQuery
  onOpen: (id: string) => void
  /** Narrows the list to what a bar stands for; the panel then shows the narrower figures. */
  onFilter: (patch: ReviewQuery) => void
  onError: (message: string) => void
}

const avg = (n: number | null) => (n === null ? '—' : n.toFixed(1))
const signed = (n: number) => (n > 0 ? `+${n}` : `−${Math.abs(n)}`)
const share = (n: number, of: number) => (of === 0 ? 0 : n / of)

function ratingRows(data: Insights, onFilter: Props['onFilter']): BarRow[] {
  // Highest first, as a reader scans a ratings breakdown.
  return [...data.ratings].reverse().map((b) => ({
    key: String(b.rating),
    label: String(b.rating),
    bars: [
      {
        series: 'Original',
        tone: 'one' as const,
        value: b.original,
        share: share(b.original, data.rated),
        pickLabel: `show only reviews rated ${b.rating}`,
        onPick: () => onFilter({ rating: { min: b.rating, max: b.rating } }),
      },
      {
        series: 'Mine',
        tone: 'two' as const,
        value: b.mine,
        share: share(b.mine, data.myRated),
        pickLabel: `show only reviews I rated ${b.rating}`,
        onPick: () => onFilter({ myRating: { min: b.rating, max: b.rating } }),
      },
    ],
  }))
}

function tagRows(data: Insights, onFilter: Props['onFilter'], tags: string[]): BarRow[] {
  return data.tags.map((t) => ({
    key: t.tag,
    label: t.tag,
    bars: [
      {
        series: 'Tagged',
        tone: 'one' as const,
        value: t.count,
        share: share(t.count, data.total),
        color: t.color,
        pickLabel: `show only reviews tagged ${t.tag}`,
        onPick: () => onFilter({ tags: [...new Set([...tags, t.tag])] }),
      },
    ],
  }))
}

/** Figures for the reviews the list shows, computed in main over all of them. */
export function InsightsPanel({ query, onOpen, onFilter, onError }: Props) {
  const data = useInsights(query, onError)
  const [scale, setScale] = useState<BarScale>('count')
  const scaleName = useId()

  if (!data) return <section className="insights" aria-label="Insights" aria-busy="true" />
  return (
    <section className="insights" aria-label="Insights" tabIndex={-1} data-shortcut-scope="">
      <div className="insights-head">
        <h2 className="insights-title">Insights</h2>
        <fieldset className="scale-choice">
          <legend>Bar length</legend>
          {(['count', 'share'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={scaleName}
                value={value}
                checked={scale === value}
                onChange={() => setScale(value)}
              />
              {value === 'count' ? 'Count' : 'Share of each series'}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="hint">
        {plural(data.total, 'review')} · original average {avg(data.averageRating)} ({data.rated}{' '}
        rated) · mine {avg(data.averageMyRating)} ({data.myRated} rated). Click a bar or a time to
        filter.
      </p>

      <h3>Original ratings against mine</h3>
      <p className="bar-legend" aria-hidden="true">
        <span className="key one" /> Original <span className="key two" /> Mine · count · share of
        the rated reviews
      </p>
      <InsightBars
        label="Reviews per rating, original and mine"
        rows={ratingRows(data, onFilter)}
        scale={scale}
      />

      <h3>Reviews over time (by {data.periodUnit})</h3>
      <OverTimeChart
        periods={data.overTime}
        unit={data.periodUnit}
        scale={scale}
        onPick={(period) => onFilter({ dates: periodSpan(period) })}
      />

      <h3>Tags</h3>
      {data.tags.length === 0 ? (
        <p className="hint">None of these reviews is tagged yet.</p>
      ) : (
        <>
          <InsightBars
            label="Reviews per tag, count and share of the reviews shown"
            rows={tagRows(data, onFilter, query.tags ?? [])}
            scale={scale}
          />
          <table className="data-table" aria-label="Tags with average original rating">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Reviews</th>
                <th scope="col">Average original rating</th>
              </tr>
            </thead>
            <tbody>
              {data.tags.map((s) => (
                <tr key={s.tag}>
                  <th scope="row">{s.tag}</th>
                  <td>{s.count}</td>
                  <td>{avg(s.averageRating)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3 id="disagree-title">Where I disagree most</h3>
      {data.disagreements.length === 0 ? (
        <p className="hint">Rate reviews yourself to see where you and the reviewers differ.</p>
      ) : (
        // A table, so the figures stay in line with their review however its headline wraps.
        <table className="data-table disagreements" aria-labelledby="disagree-title">
          <thead>
            <tr>
              <th scope="col">Review</th>
              <th scope="col">Original</th>
              <th scope="col">Mine</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {data.disagreements.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onOpen(d.id)}>
                    {d.title}
                  </button>
                  <span className="hint"> by {d.author}</span>
                </th>
                <td>{d.rating}/10</td>
                <td>{d.myRating}/10</td>
                <td>({signed(d.difference)})</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
