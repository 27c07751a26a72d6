import { useEffect, useRef, useState } from 'react'
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js'

// Chart.js draws on a canvas and sets styles through the DOM API only (no <style> elements, no
// eval), so it runs under the renderer's `style-src 'self'` CSP. Colours come from the theme's CSS
// variables and are re-read when the system switches between light and dark.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
)

export interface ChartTheme {
  text: string
  muted: string
  grid: string
  accent: string
  second: string
}

function readTheme(): ChartTheme {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string) => css.getPropertyValue(name).trim()
  return {
    text: v('--text'),
    muted: v('--muted'),
    grid: v('--border'),
    accent: v('--chart-1'),
    second: v('--chart-2'),
  }
}

function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readTheme)
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const update = () => setTheme(readTheme())
    media.addEventListener('change', update)
    return () => media.removeEventListener('change', update)
  }, [])
  return theme
}

interface Props {
  /** What the chart shows, in words, for screen readers (the data table follows it too). */
  label: string
  config: (theme: ChartTheme) => ChartConfiguration
}

export function ChartCanvas({ label, config }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const theme = useChartTheme()
  useEffect(() => {
    if (!canvas.current) return
    const base = config(theme)
    Chart.defaults.color = theme.text
    Chart.defaults.borderColor = theme.grid
    const chart = new Chart(canvas.current, {
      ...base,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        ...base.options,
      },
    })
    return () => chart.destroy()
  }, [config, theme])
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}
