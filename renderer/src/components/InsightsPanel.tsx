import { useCallback } from 'react'
import type { ReviewQuery } from '../../../shared/query'
import { plural } from '../format'
import { useInsights } from '../hooks/useInsights'
import { ChartCanvas, type ChartTheme } from './ChartCanvas'

interface Props {
  query: ReviewQuery
  onOpen: (id: string) => void
  onError: (message: string) => void
}

const avg = (n: number | null) => (n === null ? '—' : n.toFixed(1))
const signed = (n: number) => (n > 0 ? `+${n}` : `−${Math.abs(n)}`)

/** Figures for the reviews the list shows, computed in main over all of them. */
export function InsightsPanel({ query, onOpen, onError }: Props) {
  const data = useInsights(query, onError)

  const ratings = useCallback(
    (t: ChartTheme) => ({
      type: 'bar' as const,
      data: {
        labels: data?.ratings.map((b) => String(b.rating)) ?? [],
        datasets: [
          {
            label: 'Original',
            data: data?.ratings.map((b) => b.original) ?? [],
            backgroundColor: t.accent,
          },
          {
            label: 'Mine',
            data: data?.ratings.map((b) => b.mine) ?? [],
            backgroundColor: t.second,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [data],
  )
  const overTime = useCallback(
    (t: ChartTheme) => ({
      type: 'line' as const,
      data: {
        labels: data?.overTime.map((p) => p.period) ?? [],
        datasets: [
          {
            label: 'Reviews',
            data: data?.overTime.map((p) => p.count) ?? [],
            borderColor: t.accent,
            backgroundColor: t.accent,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [data],
  )
  const tags = useCallback(
    (t: ChartTheme) => ({
      type: 'bar' as const,
      data: {
        labels: data?.tags.map((s) => s.tag) ?? [],
        datasets: [
          {
            label: 'Reviews',
            data: data?.tags.map((s) => s.count) ?? [],
            backgroundColor: data?.tags.map((s) => s.color) ?? t.accent,
            maxBarThickness: 18,
          },
        ],
      },
      options: {
        indexAxis: 'y' as const,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [data],
  )

  if (!data) return <section className="insights" aria-label="Insights" aria-busy="true" />
  return (
    <section className="insights" aria-label="Insights" tabIndex={-1} data-shortcut-scope="">
      <h2 className="insights-title">Insights</h2>
      <p className="hint">
        {plural(data.total, 'review')} · original average {avg(data.averageRating)} ({data.rated}{' '}
        rated) · mine {avg(data.averageMyRating)} ({data.myRated} rated)
      </p>

      <h3>Original ratings against mine</h3>
      <ChartCanvas
        label="Bar chart of how many reviews got each rating, original and mine"
        config={ratings}
      />
      <details>
        <summary>Table</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">Original</th>
              <th scope="col">Mine</th>
            </tr>
          </thead>
          <tbody>
            {data.ratings.map((b) => (
              <tr key={b.rating}>
                <th scope="row">{b.rating}</th>
                <td>{b.original}</td>
                <td>{b.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <h3>Reviews over time (by {data.periodUnit})</h3>
      <ChartCanvas label={`Line chart of reviews per ${data.periodUnit}`} config={overTime} />

      <h3>Tags</h3>
      {data.tags.length === 0 ? (
        <p className="hint">None of these reviews is tagged yet.</p>
      ) : (
        <>
          <ChartCanvas label="Bar chart of how often each tag is used" config={tags} />
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

      <h3>Where I disagree most</h3>
      {data.disagreements.length === 0 ? (
        <p className="hint">Rate reviews yourself to see where you and the reviewers differ.</p>
      ) : (
        <ol className="disagreements">
          {data.disagreements.map((d) => (
            <li key={d.id}>
              <button type="button" className="link-button" onClick={() => onOpen(d.id)}>
                {d.title}
              </button>{' '}
              <span className="hint">
                by {d.author}: {d.rating}/10, mine {d.myRating}/10 ({signed(d.difference)})
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
