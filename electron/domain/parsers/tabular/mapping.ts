import type { ColumnInfo, MappedField } from '../../../../shared/domain'

/** Field names scrapers use, best first; compared lower-case without punctuation. */
const SYNONYMS: [Exclude<MappedField, 'ignore'>, string[]][] = [
  [
    'body',
    [
      'text',
      'review',
      'reviewtext',
      'reviewbody',
      'content',
      'body',
      'reviewcontent',
      'fulltext',
      'comment',
      'comments',
      'description',
      'message',
    ],
  ],
  [
    'rating',
    [
      'rating',
      'score',
      'stars',
      'star',
      'ratingvalue',
      'userrating',
      'reviewrating',
      'grade',
      'rate',
    ],
  ],
  [
    'author',
    [
      'author',
      'user',
      'username',
      'reviewer',
      'authorname',
      'reviewername',
      'nickname',
      'displayname',
      'by',
      'name',
      'screenname',
      'userdisplayname',
    ],
  ],
  [
    'date',
    [
      'date',
      'reviewdate',
      'datepublished',
      'published',
      'publishedat',
      'posted',
      'postedat',
      'created',
      'createdat',
      'submissiondate',
      'time',
      'timestamp',
      'datetime',
      'updated',
      'submittedat',
      'submitted',
    ],
  ],
  [
    'title',
    [
      'title',
      'headline',
      'summary',
      'reviewtitle',
      'reviewheadline',
      'reviewsummary',
      'subject',
      'heading',
    ],
  ],
  [
    'helpful',
    [
      'helpful',
      'helpfulvotes',
      'helpfulyes',
      'helpfulcount',
      'foundhelpful',
      'upvotes',
      'votes',
      'likes',
      'useful',
      'helpfulness',
      'thumbsup',
      'helpfulnessnumerator',
    ],
  ],
  ['helpfulTotal', ['helpfultotal', 'totalvotes', 'votestotal', 'helpfulnessdenominator', 'total']],
  [
    'spoiler',
    ['spoiler', 'spoilers', 'isspoiler', 'containsspoilers', 'hasspoilers', 'spoileralert'],
  ],
  [
    'work',
    [
      'movie',
      'film',
      'work',
      'movietitle',
      'filmtitle',
      'movie.title',
      'show',
      'series',
      'product',
    ],
  ],
  ['year', ['year', 'releaseyear', 'movieyear', 'filmyear']],
]

const FIELDS = SYNONYMS.map(([field]) => field)

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]/g, '')
}

/** How well a column name fits a field: lower is better, null is no fit. */
function rankOf(name: string, synonyms: string[]): number | null {
  const full = normalise(name)
  const last = full.split('.').at(-1) ?? full
  const exact = synonyms.indexOf(full.replace(/\./g, ''))
  if (exact !== -1) return exact
  const byLast = synonyms.indexOf(last)
  // "author.name" fits author through its parent: "user.name" is a user's name, not a title.
  const parent = full.split('.').at(-2)
  const byParent = parent === undefined ? -1 : synonyms.indexOf(parent)
  if (byLast !== -1) return 100 + byLast
  return byParent === -1 ? null : 200 + byParent
}

/** Maps each column to a field automatically; `overrides` (from the mapping step) win. */
export function mapColumns(
  names: string[],
  overrides: Record<string, MappedField> = {},
): Map<string, MappedField> {
  const mapping = new Map<string, MappedField>(names.map((name) => [name, 'ignore']))
  const taken = new Set<string>()
  for (const [name, field] of Object.entries(overrides)) {
    if (!mapping.has(name)) continue
    mapping.set(name, field)
    if (field !== 'ignore') taken.add(field)
  }
  for (const [field, synonyms] of SYNONYMS) {
    if (taken.has(field)) continue
    let best: { name: string; rank: number } | null = null
    for (const name of names) {
      if (name in overrides || mapping.get(name) !== 'ignore') continue
      const rank = rankOf(name, synonyms)
      if (rank !== null && (best === null || rank < best.rank)) best = { name, rank }
    }
    if (best !== null) {
      mapping.set(best.name, field)
      taken.add(field)
    }
  }
  return mapping
}

export function columnInfos(
  names: string[],
  mapping: Map<string, MappedField>,
  samples: Map<string, string[]>,
): ColumnInfo[] {
  return names.map((name) => ({
    name,
    mappedTo: mapping.get(name) ?? 'ignore',
    samples: samples.get(name) ?? [],
  }))
}

/** A header whose names fit at least a review text, or two other fields. */
export function looksLikeReviewHeader(names: string[]): boolean {
  const mapped = [...mapColumns(names).values()].filter((field) => field !== 'ignore')
  return mapped.includes('body') || mapped.length >= 2
}

export { FIELDS as MAPPED_FIELDS }
