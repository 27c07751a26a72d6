// A deterministic generator of IMDb-style user reviews: same seed, same reviews, byte for byte.
// Lengths follow IMDb's skew (many short reviews, a long tail of essays; about 1,450 characters
// on average, so 100,000 reviews hold about 145 MB of text), words follow a Zipf-like curve over a
// common vocabulary plus a long tail of rare words, names (some accented, e.g. Sørensen) and typos,
// so the index sees a realistic number of distinct terms.

import type { ParsedReview, WorkRef } from '../../shared/domain'

export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COMMON = (
  'the a and of to is in it that this film movie was for as with but his he on are by an be not ' +
  'one you at all from they have so who its her has more about like there their what story just ' +
  'out if very when good some only would even time much which can great also really first than ' +
  'well characters character see because me into most other we get how life been two do plot ' +
  'any made could way acting them make them after too where scenes scene never little seen best ' +
  'love man people director performance performances does watch show many think over cast end ' +
  'why such through films movies better still while real world own father son family crime drug ' +
  'drugs gangster violence brutal camera music soundtrack dialogue realistic dark gritty bleak ' +
  'danish copenhagen trilogy sequel original ending beginning brilliant terrible boring powerful ' +
  'performance mikkelsen refn pusher cinema shot style tension audience emotional character ' +
  'believable convincing honest raw hopeless redemption prison friend girlfriend baby child ' +
  'money debt heroin cocaine dealer police night city street streets violent shocking intense ' +
  'recommend recommended masterpiece classic underrated overrated slow pace pacing editing'
).split(' ')

const NAMES = [
  'Sørensen',
  'Mikkelsen',
  'Drasbæk',
  'Buric',
  'Sylvester',
  'Nielsen',
  'Refn',
  'Åberg',
  'Müller',
  'Zoë',
  'Björk',
  'Jørgensen',
]
const MONTHS =
  'January February March April May June July August September October November December'.split(' ')

function rareWord(rand: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const length = 4 + Math.floor(rand() * 8)
  let w = ''
  for (let i = 0; i < length; i++) w += letters[Math.floor(rand() * 26)]
  return w
}

/** The long tail of rare words (names, jargon, typos) beyond the common words. */
export function makeVocabulary(seed: number, rareCount = 150_000): string[] {
  const rand = prng(seed)
  return [...new Set(Array.from({ length: rareCount }, () => rareWord(rand)))]
}

/** Zipf-ish pick: index ~ floor(n * u^3) favours the head heavily, the tail still appears. */
function pick<T>(rand: () => number, list: readonly T[], skew = 3): T {
  return list[Math.floor(list.length * rand() ** skew)]!
}

function sentence(rand: () => number, vocab: string[]): string {
  const n = 6 + Math.floor(rand() * 16)
  const words: string[] = []
  for (let i = 0; i < n; i++) {
    const r = rand()
    if (r < 0.004) words.push(pick(rand, NAMES, 1))
    else if (r < 0.01) words.push(`${Math.floor(rand() * 3000)}`)
    else if (r < 0.8) words.push(pick(rand, COMMON, 2))
    else words.push(pick(rand, vocab, 2))
  }
  const s = words.join(' ')
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`
}

function body(rand: () => number, vocab: string[]): string {
  // Log-normal-ish length: median ~1,000 chars, mean ~1,450, a few over 8,000.
  const target = Math.min(12_000, Math.max(120, Math.round(Math.exp(6.9 + 0.85 * gauss(rand)))))
  const paragraphs: string[] = []
  let length = 0
  while (length < target) {
    const sentences: string[] = []
    const count = 2 + Math.floor(rand() * 5)
    for (let i = 0; i < count && length < target; i++) {
      const s = sentence(rand, vocab)
      sentences.push(s)
      length += s.length + 1
    }
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs.join('\n\n')
}

function gauss(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand())
}

export interface GeneratedWork {
  work: WorkRef
  reviews: ParsedReview[]
}

/** `total` reviews spread over works of 20–400 reviews each. */
export function generateWorks(total: number, seed = 20260101): GeneratedWork[] {
  const rand = prng(seed)
  const vocab = makeVocabulary(seed + 1)
  const works: GeneratedWork[] = []
  let made = 0
  let w = 0
  while (made < total) {
    const size = Math.min(total - made, 20 + Math.floor(rand() * 380))
    const title = `${pick(rand, vocab, 2)} ${pick(rand, vocab, 2)} ${w}`.replace(/^./, (c) =>
      c.toUpperCase(),
    )
    const work = { title: w === 0 ? 'Pusher II' : title, year: 1950 + Math.floor(rand() * 75) }
    const reviews: ParsedReview[] = []
    for (let i = 0; i < size; i++) {
      const year = 1998 + Math.floor(rand() * 27)
      const month = Math.floor(rand() * 12)
      const day = 1 + Math.floor(rand() * 28)
      const author = `${rand() < 0.05 ? pick(rand, NAMES, 1) : pick(rand, vocab, 2)}_${made + i}x`
      const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      const total = Math.floor(rand() * 120)
      reviews.push({
        rating: rand() < 0.1 ? null : 1 + Math.floor(rand() * 10),
        title: sentence(rand, vocab).slice(0, 80).replace(/\.$/, ''),
        author,
        date,
        bylineRaw: `${author}${day} ${MONTHS[month]} ${year}`,
        bylineAmbiguous: false,
        bylineAlternatives: [{ author, date }],
        spoiler: rand() < 0.1,
        helpful: rand() < 0.1 ? null : { yes: Math.floor(total * rand()), total },
        body: body(rand, vocab),
        line: 1,
        truncated: false,
      })
    }
    works.push({ work, reviews })
    made += size
    w++
  }
  return works
}

/** The work as the text of a copied IMDb User Reviews page (the format the importer reads). */
export function renderDump({ work, reviews }: GeneratedWork): string {
  const out = [`${work.title} (${work.year}) Poster`, '', `(${work.year})`, '', 'User Reviews', '']
  out.push('Review this title', `${reviews.length} Reviews`, 'Sort by:', 'Filter by Rating:')
  for (const r of reviews) {
    if (r.rating !== null) out.push(`${r.rating}/10`)
    out.push(r.title, r.bylineRaw)
    if (r.spoiler) out.push('Warning: Spoilers')
    out.push(r.body)
    if (r.helpful) {
      out.push(
        `${r.helpful.yes} out of ${r.helpful.total} found this helpful. Was this review helpful? Sign in to vote.`,
      )
    }
    out.push('Permalink')
  }
  return `${out.join('\n')}\n`
}
