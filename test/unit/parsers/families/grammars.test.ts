import { describe, expect, it } from 'vitest'
import { parseDump } from '../../../../electron/domain/parsers'
import {
  genericRecords,
  learnBoundary,
} from '../../../../electron/domain/parsers/families/generic-records'
import { imdbMobileTitle } from '../../../../electron/domain/parsers/families/imdb-mobile-title'
import { linesOf } from '../../../../electron/domain/parsers/lines/classify-line'

describe('IMDb mobile title grammar', () => {
  const page = [
    'User Reviews (12)',
    '',
    'Add a Review',
    '',
    '  • I give it 9.2, or 4 out of 10 on a bad day.',
    '',
    '    Second paragraph.',
    '  • Warning: Spoilers',
    '    The boat sinks.',
  ].join('\n')

  it('reads one review per bullet: body and spoiler flag only, never a guessed rating', () => {
    const result = parseDump(page, 'mobile.txt')
    expect(result.format).toBe('imdb-title-reviews-mobile-text')
    expect(result.declaredCount).toBe(12)
    expect(result.reviews.map((r) => [r.rating, r.author, r.date, r.title, r.spoiler])).toEqual([
      [null, '', null, '', false],
      [null, '', null, '', true],
    ])
    expect(result.reviews[0]?.body).toBe(
      'I give it 9.2, or 4 out of 10 on a bad day.\n\nSecond paragraph.',
    )
    expect(result.reviews[0]?.provenance).toBeUndefined()
  })

  it('leaves the fuller mobile layout (bulleted ratings) to the IMDb parser', () => {
    const fuller = page.replace('  • I give it', '• 8/10\n  • I give it')
    expect(imdbMobileTitle.parse(linesOf(fuller))).toBeNull()
  })
})

describe('IMDb mobile profile grammar', () => {
  it('gives every review the profile owner as author, and says so in the provenance', () => {
    const page =
      'Åse_K\n\nIMDb member since May 2010\n    Ratings\n    12\n\nReviews\n\nFilm One\n(2001)\n\nGood\nBody one.\n\nFilm Two\n(2002)\n\nBad\nBody two.\n'
    const result = parseDump(page, 'profile.txt')
    expect(result.reviews.map((r) => [r.author, r.title, r.work, r.body])).toEqual([
      ['Åse_K', 'Good', { title: 'Film One', year: 2001 }, 'Body one.'],
      ['Åse_K', 'Bad', { title: 'Film Two', year: 2002 }, 'Body two.'],
    ])
    expect(result.reviews[0]?.provenance).toMatchObject({ author: 'owner', title: 'line' })
  })
})

describe('IMDb mirror grammar', () => {
  it('names the work from the page header, never from the file name', () => {
    const page =
      'Home\nMovies\n\nQuiet Harbour (1999)\n6.1\nDrama\n\nReviewed by ana 7 / 10\n\nFine film.\n'
    const result = parseDump(page, 'Another Film (2020).txt')
    expect(result.work).toEqual({ title: 'Quiet Harbour', year: 1999 })
    expect(result.reviews[0]).toMatchObject({ author: 'ana', rating: 7, body: 'Fine film.' })
  })

  it('leaves the work unknown when the header does not name it', () => {
    const result = parseDump('ana\n2001/02/03\n\nFine film.\n\nMore\n', 'Quiet Harbour (1999).txt')
    expect(result.work).toBeNull()
    expect(result.reviews[0]).toMatchObject({ author: 'ana', date: '2001-02-03' })
  })
})

describe('IMDb old user grammar', () => {
  it('keeps the headline out of the body and never takes the author from it', () => {
    const page =
      '2 out of 3 people found the following review useful:\nOne, two, 3 May 2004\n\nFirst body.\n\n1 out of 1 people found the following review useful:\nAnother one, 4 May 2004\n\nSecond body.\n'
    const result = parseDump(page, 'old.txt')
    expect(result.format).toBe('imdb-legacy-text')
    expect(result.reviews.map((r) => [r.title, r.author, r.date, r.body])).toEqual([
      ['One, two', '', '2004-05-03', 'First body.'],
      ['Another one', '', '2004-05-04', 'Second body.'],
    ])
  })
})

describe('generic grammar', () => {
  it('learns the record boundary from the line shape that recurs', () => {
    const numbered = linesOf(
      'Intro\n1. Reviewed by: A\nText\n2. Reviewed by: B\nText\nMay 1, 2020\n',
    )
    expect(learnBoundary(numbered)).toBe('numbered')
    const dated = linesOf('A\nMay 1, 2020\nText\n\nB\nMay 2, 2020\nText\n\n1. one\n')
    expect(learnBoundary(dated)).toBe('date')
  })

  it('keeps critic and user lists apart and the summary blurb out of the reviews', () => {
    const page =
      'Summary: a film about boats and the people who wait for them on cold mornings.\n\n  1. Reviewed by: Ann Lee\n     70\n     Good.\n     [Jan 2, 2003, p.4]\n\n  1. Feb 3, 2004\n     Bad.\n'
    const parsed = genericRecords.parse(linesOf(page))
    expect(parsed?.reviews.map((r) => [r.sourceKind, r.author, r.rating, r.date, r.body])).toEqual([
      ['critic', 'Ann Lee', 7, '2003-01-02', 'Good.'],
      ['user', '', null, '2004-02-03', 'Bad.'],
    ])
    expect(parsed?.fragments[0]?.text).toMatch(/^Summary: a film about boats/)
  })

  it('drops an inline " read more" and marks the preview truncated', () => {
    const result = parseDump(
      'Mar 1, 2022\nSo good that I read more\n\nMar 2, 2022\nComplete.\n',
      'p.txt',
    )
    expect(result.reviews.map((r) => [r.body, r.truncated])).toEqual([
      ['So good that I', true],
      ['Complete.', false],
    ])
    expect(result.generic).toBe(true)
  })
})
