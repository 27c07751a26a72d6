// Horizontal bars drawn as buttons rather than on a canvas: each bar is a filter the keyboard and
// a screen reader can reach, and its label carries the count and the share, so a small series
// stays readable next to a large one.

export type BarScale = 'count' | 'share'

export interface Bar {
  /** The series, shown in the legend and the bar's spoken label ("Original", "Mine"). */
  series: string
  tone: 'one' | 'two'
  value: number
  /** value ÷ the series' total, 0 when the series is empty. */
  share: number
  color?: string
  /** What clicking the bar does, in words ("show only reviews rated 8"). */
  pickLabel: string
  onPick: () => void
}

export interface BarRow {
  key: string
  label: string
  bars: Bar[]
}

export const percent = (share: number): string =>
  share === 0 ? '0%' : share < 0.01 ? '<1%' : `${Math.round(share * 100)}%`

interface Props {
  label: string
  rows: BarRow[]
  scale: BarScale
}

export function InsightBars({ label, rows, scale }: Props) {
  const measure = (b: Bar) => (scale === 'count' ? b.value : b.share)
  const max = Math.max(0, ...rows.flatMap((r) => r.bars.map(measure)))
  return (
    <div className="bar-chart" role="group" aria-label={label}>
      {rows.map((row) => (
        <div key={row.key} className="bar-row">
          <span className="bar-label">{row.label}</span>
          <span className="bar-stack">
            {row.bars.map((bar) => (
              <button
                key={bar.series}
                type="button"
                className={`bar ${bar.tone}`}
                disabled={bar.value === 0}
                aria-label={`${bar.series} ${row.label}: ${bar.value} (${percent(bar.share)}), ${bar.pickLabel}`}
                title={bar.pickLabel}
                onClick={bar.onPick}
              >
                <span className="bar-track">
                  <span
                    className="bar-fill"
                    style={{
                      width: `${max === 0 ? 0 : (measure(bar) / max) * 100}%`,
                      background: bar.color,
                    }}
                  />
                </span>
                <span className="bar-value">
                  {bar.value} · {percent(bar.share)}
                </span>
              </button>
            ))}
          </span>
        </div>
      ))}
    </div>
  )
}
