import { useCallback, useRef, useState } from 'react'
import type { ActiveElement, ChartEvent } from 'chart.js'
import type { PeriodCount } from '../../../shared/contract'
import { periodLabel } from '../../../shared/date-period'
import { plural } from '../format'
import { ChartCanvas, type ChartTheme } from './ChartCanvas'
import { InsightBars, percent, type BarRow, type BarScale } from './InsightBars'

interface Props {
  periods: PeriodCount[]
  unit: 'year' | 'month'
  scale: BarScale
  /** Narrows the list to one period (`YYYY` or `YYYY-MM`). */
  onPick: (period: string) => void
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of)

/**
 * Reviews per period as a line the mouse can click, and the same figures as a list of bars the
 * keyboard and a screen reader can reach: a canvas is neither focusable nor readable.
 */
export function OverTimeChart({ periods, unit, scale, onPick }: Props) {
  const dated = periods.reduce((n, p) => n + p.count, 0)
  // By key, so the caption reads the figures the chart shows now, not those of an earlier query.
  const [hoveredKey, setHoveredKey] = useState<string | null>(null)
  const hovered = periods.find((p) => p.period === hoveredKey && p.count > 0)
  // The chart is rebuilt only when its figures change, not when the parent passes a new callback.
  const pick = useRef(onPick)
  pick.current = onPick

  const config = useCallback(
    (t: ChartTheme) => {
      // Any point in the plot stands for the period nearest across, so a click need not hit the
      // dot; an empty period filters nothing.
      const at = (elements: ActiveElement[]) => {
        const period = periods[elements[0]?.index ?? -1]
        return period && period.count > 0 ? period : null
      }
      return {
        type: 'line' as const,
        data: {
          labels: periods.map((p) => p.period),
          datasets: [
            {
              label: 'Reviews',
              data: periods.map((p) => p.count),
              borderColor: t.accent,
              backgroundColor: t.accent,
            },
          ],
        },
        options: {
          interaction: { mode: 'index' as const, intersect: false },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          onHover: (event: ChartEvent, elements: ActiveElement[]) => {
            const period = at(elements)
            const canvas = event.native?.target
            if (canvas instanceof HTMLElement) canvas.style.cursor = period ? 'pointer' : 'default'
            setHoveredKey(period?.period ?? null)
          },
          onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
            const period = at(elements)
            if (period) pick.current(period.period)
          },
        },
      }
    },
    [periods],
  )

  const rows: BarRow[] = periods.map((p) => {
    const label = periodLabel(p.period)
    return {
      key: p.period,
      label,
      bars: [
        {
          series: 'Reviews',
          tone: 'one' as const,
          value: p.count,
          share: share(p.count, dated),
          pickLabel: `show only reviews from ${label}`,
          onPick: () => onPick(p.period),
        },
      ],
    }
  })

  return (
    <>
      <ChartCanvas label={`Line chart of reviews per ${unit}`} config={config} />
      {/* What a click would keep, in words; the tooltip on the canvas says it too. */}
      <p className="hint chart-pick" aria-hidden="true" data-testid="over-time-hover">
        {hovered
          ? `${periodLabel(hovered.period)}: ${plural(hovered.count, 'review')} (${percent(
              share(hovered.count, dated),
            )}). Click to show only these.`
          : `Click a ${unit} to show only its reviews.`}
      </p>
      <details className="period-list">
        <summary>Reviews per {unit}, as a list</summary>
        <InsightBars
          label={`Reviews per ${unit}, count and share of the dated reviews`}
          rows={rows}
          scale={scale}
        />
      </details>
    </>
  )
}
