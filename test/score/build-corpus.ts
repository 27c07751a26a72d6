// Builds test/fixtures/corpus/<family>/<variant>.{txt,expected.json} from the invented reviews in
// corpus-data.ts, in the page shapes of issue 12. The goldens come from the data, never from the
// parser: `npx tsx test/score/build-corpus.ts` rewrites the corpus.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as data from './corpus-data'
import type { CorpusReview } from './corpus-data'
import type { ExpectedPage, ExpectedReview } from './expected'

const ROOT = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))
const MONTHS =
  'January February March April May June July August September October November December'.split(' ')

const dmy = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`
}
const mdy = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${MONTHS[(m ?? 1) - 1]?.slice(0, 3)} ${d}, ${y}`
}
const slashYmd = (iso: string): string => iso.replace(/-/g, '/')
const slashDmy = (iso: string, time: string): string => {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y} ${time}`
}

interface Page {
  family: string
  format: string
  work: { title: string; year: number | null } | null
  declaredCount?: number | null
  owner?: string
  lines: string[]
  reviews: CorpusReview[]
}

type Render = (reviews: CorpusReview[], header: boolean) => Page

/** Paragraphs one blank line apart, each with the given indent. */
function paragraphs(r: CorpusReview, indent = ''): string[] {
  return r.paragraphs.flatMap((p, i) => (i === 0 ? [indent + p] : ['', indent + p]))
}

const mobileTitle: Render = (reviews, header) => ({
  family: 'imdb-mobile-title',
  format: 'imdb-title-reviews-mobile-text',
  work: null,
  declaredCount: header ? 581 : null,
  reviews,
  lines: [
    ...(header ? ['User Reviews (581)', ''] : []),
    'Add a Review',
    '',
    ...reviews.flatMap((r) => {
      const body = paragraphs(r, '    ')
      if (r.spoiler === true) return ['  • Warning: Spoilers', ...body]
      return [`  • ${(body[0] ?? '').trim()}`, ...body.slice(1)]
    }),
  ],
})

const mobileUser: Render = (reviews, header) => ({
  family: 'imdb-mobile-user',
  format: 'imdb-user-reviews-text',
  work: null,
  owner: header ? data.OWNER : undefined,
  reviews,
  lines: [
    ...(header
      ? [
          data.OWNER,
          '',
          'IMDb member since March 2014',
          '    Ratings',
          '    1,874',
          '    Reviews written',
          '    212',
          '',
          'Reviews',
          '',
        ]
      : []),
    ...reviews.flatMap((r) => [
      r.work?.title ?? '',
      `(${r.work?.year})`,
      '',
      r.title ?? '',
      ...paragraphs(r),
      '',
    ]),
  ],
})

function mirror(style: 'a' | 'b' | 'c', nearYear: false | 'bare' | 'dotted' = false): Render {
  return (reviews, header) => ({
    family: 'imdb-mirror',
    format: 'imdb-title-reviews-text',
    work: header ? data.MIRROR_WORK : null,
    reviews: reviews.map((r) => ({
      ...r,
      author: style === 'c' ? undefined : r.author,
      date: style === 'a' ? r.date : undefined,
      rating: style === 'b' ? r.rating : undefined,
      title: style === 'c' ? r.title : undefined,
    })),
    lines: [
      ...(header
        ? [
            'Home',
            'Movies',
            'TV Shows',
            'Top IMDb',
            '',
            ...(nearYear
              ? ['The Lanternmaker', '2008', '7.3']
              : ['The Lanternmaker (2008)', '7.3']),
            'Drama, Family',
            '',
            'User reviews',
            '',
          ]
        : []),
      ...reviews.flatMap((r) => {
        if (style === 'a')
          return [r.author ?? '', slashYmd(r.date ?? ''), '', ...paragraphs(r), '', 'More', '']
        if (style === 'b')
          return [`Reviewed by ${r.author} ${r.rating} / 10`, '', ...paragraphs(r), '']
        return [r.title ?? '', r.title ?? '', ...paragraphs(r), '']
      }),
    ],
  })
}

function oldUser(works: boolean, owner = false, workAfterHelpful = false): Render {
  return (reviews, header) => ({
    family: 'imdb-old-user',
    format: 'imdb-legacy-text',
    work: null,
    owner: owner ? data.OWNER : undefined,
    reviews: reviews.map((r, i) => ({
      ...r,
      work: works && (header || i > 0) ? r.work : undefined,
      helpful: !header && i === 0 ? undefined : r.helpful,
    })),
    lines: [
      ...(owner ? [`Reviews by ${data.OWNER}`, ''] : []),
      ...reviews.flatMap((r, i) => {
        const workLine =
          works && r.work !== undefined ? [quoteSeries(r.work.title, r.work.year)] : []
        const useful = `${r.helpful?.yes} out of ${r.helpful?.total} people found the following review useful:`
        const start = workAfterHelpful ? [useful, ...workLine] : [...workLine, useful]
        return [
          ...(!header && i === 0 ? [] : start),
          `${r.title}, ${dmy(r.date ?? '')}`,
          '',
          ...(r.spoiler === true ? ['*** This review may contain spoilers ***', ''] : []),
          ...paragraphs(r),
          '',
        ]
      }),
    ],
  })
}

/** Series are quoted on old IMDb pages; films are not. */
function quoteSeries(title: string, year: number | null): string {
  return title.startsWith('Harbour') ? `"${title}" (${year})` : `${title} (${year})`
}

function bare(
  mode: 'plain' | 'rated' | 'rated-untitled' | 'single' | 'single-headline' | 'helpful',
): Render {
  const ratings = [9, 5, 7]
  return (reviews) => {
    const list = mode.startsWith('single') ? reviews.slice(0, 1) : reviews
    const single = mode.startsWith('single')
    return {
      family: 'imdb-bare-user',
      format: single ? 'imdb-single-review-text' : 'imdb-user-reviews-text',
      work: null,
      reviews: list.map((r, i) => ({
        ...r,
        title: mode === 'single' || mode === 'rated-untitled' ? undefined : r.title,
        rating: mode.startsWith('rated') ? ratings[i] : undefined,
        helpful: single || mode === 'helpful' ? { yes: 8, total: 9 } : undefined,
      })),
      lines: list.flatMap((r, i) => [
        ...(mode.startsWith('rated') ? [`${ratings[i]}/10`] : []),
        ...(mode === 'single' || mode === 'rated-untitled' ? [] : [r.title ?? '']),
        dmy(r.date ?? ''),
        ...paragraphs(r),
        '',
        ...(single || mode === 'helpful' ? ['8 out of 9 found this helpful.'] : ['']),
      ]),
    }
  }
}

const letterboxd: Render = (reviews, header) => ({
  family: 'letterboxd',
  format: 'generic-text',
  work: null,
  reviews,
  lines: [
    ...(header
      ? ['  • Profile', '  • Activity', '  • Films', '  • Reviews', '', 'Reviews', '']
      : []),
    ...reviews.flatMap((r) => [
      `  • ${r.work?.title}`,
      '',
      `    ${r.work?.title}`,
      '',
      '',
      ...paragraphs(r, '    '),
      '',
    ]),
  ],
})

const metacritic: Render = (reviews, header) => {
  const critics = reviews.filter((r) => r.sourceKind === 'critic')
  const users = reviews.filter((r) => r.sourceKind === 'user')
  return {
    family: 'metacritic',
    format: 'generic-text',
    work: header ? data.MIRROR_WORK : null,
    reviews,
    lines: [
      ...(header
        ? [
            'The Lanternmaker (2008)',
            '',
            'Summary: An old craftsman repairs lanterns for a town that has gone electric, and refuses to stop.',
            '',
          ]
        : []),
      'Critic Reviews',
      '',
      ...critics.flatMap((r, i) => [
        `  ${i + 1}. Reviewed by: ${r.author}`,
        ...(r.rating === undefined ? [] : [`     ${r.rating * 10 - 2}`]),
        ...paragraphs(r, '     '),
        `     [${mdy(r.date ?? '')}, p.${12 + i}]`,
        '',
      ]),
      'User Reviews',
      '',
      ...users.flatMap((r, i) => [
        `  ${i + 1}. ${mdy(r.date ?? '')}`,
        ...paragraphs(r, '     '),
        '',
      ]),
    ],
  }
}

const keyValue: Render = (reviews, header) => keyValueOf(reviews, header, false)
const keyValueTitled: Render = (reviews, header) => keyValueOf(reviews, header, true)

function keyValueOf(reviews: CorpusReview[], header: boolean, titled: boolean): Page {
  const heads = ['Snow, light and patience', 'Not tonight']
  return {
    family: 'key-value',
    format: 'generic-text',
    work: header ? { title: 'Saltvand Nights', year: 2019 } : null,
    reviews: titled ? reviews.map((r, i) => ({ ...r, title: heads[i] })) : reviews,
    lines: [
      ...(header ? ['Saltvand Nights (2019)', '', 'Member reviews', ''] : []),
      ...reviews.flatMap((r, i) => {
        const stars = `${(r.rating ?? 0) / 2} Stars`
        return [
          ...(titled ? [heads[i] ?? ''] : []),
          `Written by  :  ${r.author} (${41 - i * 30})`,
          `Written on  :  ${mdy(r.date ?? '')}`,
          `Rating  :  ${stars}${stars}${stars}`,
          '',
          `${r.helpful?.yes} out of ${r.helpful?.total} people found this review helpful`,
          '',
          ...paragraphs(r),
          '',
        ]
      }),
    ],
  }
}

const forum: Render = (reviews, header) => ({
  family: 'forum',
  format: 'generic-text',
  work: header ? { title: 'Saltvand Nights', year: 2019 } : null,
  reviews,
  lines: [
    ...(header ? ['Saltvand Nights (2019)', '', 'User reviews', ''] : []),
    ...reviews.flatMap((r, i) => [
      `  • Submitted by ${r.author} on ${slashDmy(r.date ?? '', `1${i}:0${i}`)}`,
      '',
      ...paragraphs(r, '    '),
      '',
      '  • Log in or register to post comments',
      '',
    ]),
    '  • Printer-friendly version',
    '  • Report this page',
  ],
})

const previews: Render = (reviews, header) => ({
  family: 'preview',
  format: 'generic-text',
  work: null,
  reviews,
  lines: [
    ...(header ? ['Kaja Møllerud', 'Member since 2015', '', 'Recent reviews', ''] : []),
    ...reviews.flatMap((r) => {
      const text = paragraphs(r)
      if (r.truncated === true) text[text.length - 1] += ' read more'
      return [mdy(r.date ?? ''), ...text, '']
    }),
  ],
})

const audience: Render = (reviews, header) => ({
  family: 'audience',
  format: 'generic-text',
  work: header ? data.MIRROR_WORK : null,
  reviews,
  lines: [
    ...(header ? ['Page 1 of 1', '', 'The Lanternmaker (2008)', 'Audience Reviews', ''] : []),
    ...reviews.flatMap((r, i) => [
      r.author ?? '',
      `${i % 2 === 0 ? '½' : ''}${mdy(r.date ?? '')}`,
      ...paragraphs(r),
      '',
    ]),
    'Page 1 of 1',
  ],
})

const ratedAfterDate: Render = (reviews, header) => ({
  family: 'rating-after-date',
  format: 'generic-text',
  work: header ? { title: 'Vinterjagt', year: 2017 } : null,
  reviews,
  lines: [
    ...(header ? ['Vinterjagt (2017)', 'User reviews', ''] : []),
    ...reviews.flatMap((r) => [
      r.author ?? '',
      mdy(r.date ?? ''),
      `${r.rating}/10`,
      ...paragraphs(r),
      '',
    ]),
  ],
})

/** The last review's last paragraph cut in half and nothing after it: a copy that stopped early. */
function cutEnd(reviews: CorpusReview[]): CorpusReview[] {
  const last = reviews.at(-1)
  if (last === undefined) return reviews
  const final = last.paragraphs.at(-1) ?? ''
  const words = final.split(' ')
  const half = words.slice(0, Math.max(2, Math.floor(words.length / 2))).join(' ')
  return [
    ...reviews.slice(0, -1),
    { ...last, paragraphs: [...last.paragraphs.slice(0, -1), half], truncated: false },
  ]
}

type Variant = [name: string, page: Page, transform?: (text: string) => string]

function standard(render: Render, reviews: CorpusReview[], flat = false): Variant[] {
  const cut = render(cutEnd(reviews), true)
  const last = cut.reviews.at(-1)?.paragraphs.at(-1) ?? ''
  const stop = cut.lines.findIndex((l) => l.trim() === last.trim() || l.includes(last))
  const variants: Variant[] = [
    ['base', render(reviews, true)],
    ['crlf', render(reviews, true), (t) => t.replace(/\n/g, '\r\n')],
    ['blank-lines', render(reviews, true), (t) => `\n\n${t.replace(/\n\n/g, '\n\n\n')}\n\n`],
    ['cut-start', render(reviews, false)],
    ['cut-end', { ...cut, lines: cut.lines.slice(0, stop + 1) }],
  ]
  if (flat) variants.push(['flat', render(reviews, true), (t) => t.replace(/^[ \t]+/gm, '')])
  return variants
}

const FAMILIES: Record<string, Variant[]> = {
  'imdb-mobile-title': [
    ...standard(mobileTitle, data.FERRY, true),
    ['footer', mobileTitle(data.FERRY, true), (t) => `${t}Load More\nBack to top\n`],
    [
      'no-header',
      mobileTitle(data.FERRY.slice(1, 3), false),
      (t) => t.replace('Add a Review\n\n', ''),
    ],
  ],
  'imdb-mobile-user': standard(mobileUser, data.USER_REVIEWS, true),
  'imdb-mirror': [
    ...standard(mirror('a'), data.MIRROR_REVIEWS).map(([n, p, t]): Variant => [`a-${n}`, p, t]),
    ['b-base', mirror('b')(data.MIRROR_REVIEWS, true)],
    ['b-title-near-year', mirror('b', 'bare')(data.MIRROR_REVIEWS, true)],
    ['b-crlf', mirror('b')(data.MIRROR_REVIEWS, true), (t) => t.replace(/\n/g, '\r\n')],
    ['c-base', mirror('c')(data.MIRROR_REVIEWS, true)],
    ['a-tight', mirror('a')(data.MIRROR_REVIEWS, true), (t) => t.replace(/More\n\n/g, 'More\n')],
    ['a-year-line', mirror('a', 'dotted')(data.MIRROR_REVIEWS, true)],
    ['c-title-near-year', mirror('c', 'bare')(data.MIRROR_REVIEWS, true)],
  ],
  'imdb-old-user': [
    ...standard(oldUser(true), data.OLD_USER_REVIEWS),
    ['no-works', oldUser(false)(data.OLD_USER_REVIEWS, true)],
    ['owner-header', oldUser(true, true)(data.OLD_USER_REVIEWS, true)],
    ['work-after-helpful', oldUser(true, false, true)(data.OLD_USER_REVIEWS, true)],
  ],
  'imdb-bare-user': [
    ...standard(bare('plain'), data.BARE_REVIEWS).filter(([n]) => n !== 'cut-start'),
    ['rated', bare('rated')(data.BARE_REVIEWS, true)],
    ['rated-untitled', bare('rated-untitled')(data.BARE_REVIEWS, true)],
    ['rated-crlf', bare('rated')(data.BARE_REVIEWS, true), (t) => t.replace(/\n/g, '\r\n')],
    ['single-date-first', bare('single')(data.BARE_REVIEWS, true)],
    ['helpful-lines', bare('helpful')(data.BARE_REVIEWS, true)],
    ['single-headline', bare('single-headline')(data.BARE_REVIEWS, true)],
  ],
  letterboxd: standard(letterboxd, data.LETTERBOXD, true),
  metacritic: standard(metacritic, data.METACRITIC, true),
  'key-value': [
    ...standard(keyValue, data.KEY_VALUE),
    ['headlines', keyValueTitled(data.KEY_VALUE, true)],
    ['headlines-crlf', keyValueTitled(data.KEY_VALUE, true), (t) => t.replace(/\n/g, '\r\n')],
  ],
  forum: standard(forum, data.FORUM, true),
  preview: standard(previews, data.PREVIEWS),
  audience: standard(audience, data.AUDIENCE),
  'rating-after-date': standard(ratedAfterDate, data.RATED_AFTER_DATE),
}

function expectedOf(page: Page): ExpectedPage {
  return {
    family: page.family,
    format: page.format,
    declaredCount: page.declaredCount ?? null,
    reviews: page.reviews.map((r): ExpectedReview => ({
      work: r.work ?? page.work,
      title: r.title ?? '',
      author: r.author ?? page.owner ?? '',
      date: r.date ?? null,
      rating: r.rating ?? null,
      spoiler: r.spoiler ?? false,
      helpful: r.helpful ?? null,
      body: r.paragraphs.join('\n\n'),
      truncated: r.truncated ?? false,
      ...(r.sourceKind === undefined ? {} : { sourceKind: r.sourceKind }),
    })),
  }
}

rmSync(ROOT, { recursive: true, force: true })
for (const [family, variants] of Object.entries(FAMILIES)) {
  mkdirSync(`${ROOT}${family}`, { recursive: true })
  for (const [name, page, transform] of variants) {
    const text = `${page.lines.join('\n')}\n`
    writeFileSync(`${ROOT}${family}/${name}.txt`, transform === undefined ? text : transform(text))
    writeFileSync(
      `${ROOT}${family}/${name}.expected.json`,
      `${JSON.stringify(expectedOf(page), null, 2)}\n`,
    )
  }
}
