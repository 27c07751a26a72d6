import type { ReviewQuery } from '../../shared/query'

// The fixed query set of the bench: full text (common and rare words, prefixes, an accent-folded
// name, a phrase, negation, a note-only word) combined with filters and every sort field.
export const BENCH_QUERIES: ReviewQuery[] = [
  { q: 'gangster', sort: { field: 'date', dir: 'desc' } },
  { q: 'refn rating:>=8', sort: { field: 'helpful', dir: 'desc' } },
  { q: 'mikkelsen -tag:spoiler', sort: { field: 'rating', dir: 'asc' } },
  { q: '"the camera"', sort: { field: 'date', dir: 'desc' } },
  { q: 'sorensen', sort: { field: 'helpfulRatio', dir: 'desc' } },
  { q: 'father son spoiler:no helpful:>0.5', sort: { field: 'helpfulRatio', dir: 'desc' } },
  { q: 'brutal date:2005..2010', sort: { field: 'date', dir: 'asc' } },
  { q: 'cinema has:note', sort: { field: 'myRating', dir: 'desc' } },
  { q: 'story mine:>=5', sort: { field: 'ratingDiff', dir: 'desc' } },
  { text: 'performance', rating: { min: 6 }, sort: { field: 'length', dir: 'desc' } },
  { q: 'dan', sort: { field: 'title', dir: 'asc' } },
  { q: 'violence drug heroin', sort: { field: 'title', dir: 'asc' } },
  { q: 'work:"Pusher II" music' },
  { q: 'masterpiece kept:no votes:>=10', sort: { field: 'helpful', dir: 'desc' } },
  { q: 'the', sort: { field: 'date', dir: 'desc' } },
  { q: 'zeitgeist' },
  { q: 'tag:theme drug', sort: { field: 'date', dir: 'desc' } },
  { q: 'recommend -boring author:a', sort: { field: 'rating', dir: 'desc' } },
]

/** What the app shows on open: everything, newest first. */
export const DEFAULT_VIEW: ReviewQuery = { sort: { field: 'date', dir: 'desc' } }

/** A full-text query asked right after open, before the index can have finished. */
export const FIRST_TEXT_QUERY: ReviewQuery = {
  q: 'mikkelsen brutal',
  sort: { field: 'date', dir: 'desc' },
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits))

/** Samples this process's resident memory so the peak is reported, not just the final figure. */
export function rssSampler(): { peakMb: () => number; stop: () => void } {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50)
  return {
    peakMb: () => Math.max(peak, process.memoryUsage.rss()) / 1048576,
    stop: () => clearInterval(timer),
  }
}
