import { BENCH_QUERIES } from './queries'

// The bench's query set (queries.ts) translated by hand for the SQLite FTS5 peer: an FTS5 MATCH
// expression (word prefixes, a phrase, NOT) plus SQL filters and ORDER BY, one entry per
// BENCH_QUERIES entry in the same order. Table `r` is the reviews (see peer-sqlite.ts); `c` the
// curation joined to it; reviews without a value sort last, as in the app. The bench prints both
// engines' totals so a translation that drifts shows up as different counts.

export interface PeerQuery {
  match?: string
  where?: string
  order?: string
}

const tagged = (tag: string) =>
  `EXISTS (SELECT 1 FROM tags t WHERE t.review = r.rowid AND (t.tag = '${tag}' OR t.tag LIKE '${tag}/%'))`

const byDate = (dir: 'ASC' | 'DESC') => `r.date IS NULL, r.date ${dir}`

export const PEER_QUERIES: PeerQuery[] = [
  { match: 'gangster*', order: byDate('DESC') },
  { match: 'refn*', where: 'r.rating >= 8', order: 'r.votes IS NULL, r.votes DESC' },
  { match: 'mikkelsen*', where: `NOT ${tagged('spoiler')}`, order: 'r.rating IS NULL, r.rating' },
  { match: '"the camera"*', order: byDate('DESC') },
  // unicode61 strips accents but does not fold ø to o, as the app does: name both spellings.
  { match: 'sorensen* OR sørensen*', order: 'r.ratio IS NULL, r.ratio DESC' },
  {
    match: 'father* son*',
    where: 'r.spoiler = 0 AND r.ratio > 0.5',
    order: 'r.ratio IS NULL, r.ratio DESC',
  },
  {
    match: 'brutal*',
    where: "r.date >= '2005-01-01' AND r.date <= '2010-12-31'",
    order: byDate('ASC'),
  },
  {
    match: 'cinema*',
    where: "c.note IS NOT NULL AND c.note <> ''",
    order: 'c.my_rating IS NULL, c.my_rating DESC',
  },
  {
    match: 'story*',
    where: 'c.my_rating >= 5',
    order: 'c.my_rating IS NULL OR r.rating IS NULL, (c.my_rating - r.rating) DESC',
  },
  { match: 'performance*', where: 'r.rating >= 6', order: 'r.length DESC' },
  { match: 'dan*', order: 'lower(r.title)' },
  { match: 'violence* drug* heroin*', order: 'lower(r.title)' },
  { match: 'music*', where: "r.work_title LIKE '%pusher ii%'" },
  {
    match: 'masterpiece*',
    where: 'coalesce(c.kept, 0) = 0 AND r.votes >= 10',
    order: 'r.votes IS NULL, r.votes DESC',
  },
  { match: 'the*', order: byDate('DESC') },
  { match: 'zeitgeist*' },
  { match: 'drug*', where: tagged('theme'), order: byDate('DESC') },
  {
    match: 'recommend* NOT boring*',
    where: "lower(coalesce(c.byline_author, r.author)) LIKE '%a%'",
    order: 'r.rating IS NULL, r.rating DESC',
  },
]

if (PEER_QUERIES.length !== BENCH_QUERIES.length)
  throw new Error('peer-queries.ts must translate every entry of BENCH_QUERIES')
