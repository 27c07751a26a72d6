import type { Library } from '../../../electron/domain/library/library'
import { writeCuration } from '../support/write-curation'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { importPaths, importText } from '../../../electron/app/import/run-import'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

/** A page whose review text tries every trick on a spreadsheet, a Markdown and an HTML reader. */
export const HOSTILE_PAGE = `Hostile (2020) Poster

User Reviews

2 Reviews
9/10
=HYPERLINK("http://evil.example","click")
@SUM(A1:A2)11 March 2006
"Quoted", with commas,
and a second line; +1 -1 🎬 Sørensen
1 out of 2 found this helpful. Was this review helpful? Sign in to vote.
Permalink
3/10
<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">
mallory12 April 2007
# Not a heading *not bold* _not italic_
> not a quote
<img src=x onerror="window.__pwned=3"> & <script>alert(1)</script>
-1 and +2 and \t tab
0 out of 0 found this helpful. Was this review helpful? Sign in to vote.
Permalink
`

export interface Curated {
  library: Library
  dir: string
  cleanup: () => Promise<void>
  /** Ids by role. */
  ids: { first: string; hyperlink: string; script: string }
}

/** The reference dump and the hostile page, curated in every way the export writes. */
export async function curatedLibrary(): Promise<Curated> {
  const temp = await tempDir()
  const library = await openLibrary(temp.dir, { now: steppingClock() })
  await importPaths(library, [FIXTURE])
  await importText(library, 'hostile.txt', HOSTILE_PAGE)
  const all = [...library.allReviews()]
  const first = all[0]!.id
  const hyperlink = all.find((r) => r.title.startsWith('=HYPERLINK'))!.id
  const script = all.find((r) => r.title.startsWith('<script>'))!.id
  await addTags(library, [first], ['acting', 'pull-quote'])
  await addTags(library, [script], ['theme/danger'])
  await setMyRating(library, [first], 3)
  await setNote(library, first, '-2 points: "too long", but\nquotable')
  await setNote(library, script, '<b>my</b> note # with *stars*')
  const body = library.getReview(first)!.body
  await writeCuration(library, [first], (c) => ({
    ...c,
    kept: true,
    highlights: [
      {
        id: 'hl_1',
        start: 0,
        end: 40,
        quote: body.slice(0, 40),
        tag: 'pull-quote',
        comment: 'for the poster',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    bylineCorrection: { author: 'UlrikSande', date: '2006-03-11' },
  }))
  await writeCuration(library, [script], (c) => ({ ...c, kept: true }))
  return { library, dir: temp.dir, cleanup: temp.cleanup, ids: { first, hyperlink, script } }
}
