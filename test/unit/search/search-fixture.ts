import type { Review, Work } from '../../../shared/domain'
import type { Library } from '../../../electron/domain/library/library'
import { foldText } from '../../../shared/fold-text'
import { reviewId, workId } from '../../../electron/domain/library/identity'
import { generateWorks } from '../../bench/generate'

/** Writes `count` generated reviews (plus a few hand-written ones) into the library. */
export async function fillLibrary(library: Library, count: number, seed = 7): Promise<void> {
  const now = library.now().toISOString()
  for (const { work: ref, reviews } of generateWorks(count, seed)) {
    const work: Work = { id: workId(ref), ...ref }
    const stored: Review[] = reviews.map(({ line: _line, ...p }) => ({
      id: reviewId(work.id, p.bylineRaw, p.title),
      workId: work.id,
      ...p,
      importId: 'im_test',
      importedAt: now,
    }))
    if (work.title === 'Pusher II') {
      stored[0] = { ...stored[0]!, body: 'Anne Sørensen plays Charlotte; the Drasbæk café scene.' }
      stored[1] = {
        ...stored[1]!,
        title: 'Once were warriors, twice',
        body: 'As powerful as once were warriors.',
      }
      // A headline ending in a common word, so no phrase may run on into the byline; an accented
      // phrase, and words apart only by a NUL character.
      stored[2] = {
        ...stored[2]!,
        title: 'Worth it for the',
        body: 'Shot with THE Caméra obscura, and the\u0000cameraman is fine.',
      }
    }
    await library.saveWorkReviews(work, stored)
  }
}

/** Words as the reference sees them: folded, split on anything not a letter or digit. */
const tokens = (text: string): string[] => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []

/**
 * An independent reference for free-text matching: every query word must be a prefix of some word
 * of the headline, author, body or note.
 */
export function referenceText(library: Library, words: string[]): string[] {
  const wanted = words.flatMap(tokens)
  const out: string[] = []
  for (const r of library.allReviews()) {
    const have = tokens(`${r.title} ${r.author} ${r.body} ${library.getCuration(r.id).note ?? ''}`)
    if (wanted.every((w) => have.some((h) => h.startsWith(w)))) out.push(r.id)
  }
  return out
}

/** Reference for a quoted phrase: consecutive words of one field, the last one maybe a prefix. */
export function referencePhrase(library: Library, phrase: string): string[] {
  const wanted = tokens(phrase)
  const has = (text: string) => {
    const have = tokens(text)
    return have.some((_, i) =>
      wanted.every((w, j) =>
        j === wanted.length - 1 ? have[i + j]?.startsWith(w) : have[i + j] === w,
      ),
    )
  }
  return [...library.allReviews()]
    .filter((r) => [r.title, r.author, r.body, library.getCuration(r.id).note ?? ''].some(has))
    .map((r) => r.id)
}
