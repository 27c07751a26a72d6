import type { ExportedReview } from '../domain/export/review-export'

export function formatReviewTable(reviews: ExportedReview[]): string {
  const rows = reviews.map((r) =>
    [
      r.id,
      r.rating === null ? '  -' : `${r.rating}`.padStart(3),
      r.curation.myRating === null ? '  -' : `${r.curation.myRating}`.padStart(3),
      r.date ?? '          ',
      r.author.slice(0, 20).padEnd(20),
      r.title.slice(0, 60),
      r.curation.tags.length ? `[${r.curation.tags.join(', ')}]` : '',
    ].join('  '),
  )
  return rows.length ? `${rows.join('\n')}\n` : 'The library holds no reviews.\n'
}
