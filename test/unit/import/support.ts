import { join } from 'node:path'
import type { EventName, Events } from '../../../shared/contract'
import type { ParsedReview, ParseResult, WorkRef } from '../../../shared/domain'
import { createImportHandlers } from '../../../electron/app/handlers/import-handlers'
import type { ParsedFile } from '../../../electron/domain/import/merge'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { steppingClock, tempDir } from '../support/temp-library'

export interface Harness {
  dir: string
  library: Library
  events: { event: EventName; payload: unknown }[]
  chosen: string[]
  handlers: ReturnType<typeof createImportHandlers>
  cleanup: () => Promise<void>
}

/** A library in a temp folder with the real import handlers and a scripted file dialog. */
export async function importHarness(): Promise<Harness> {
  const { dir, cleanup } = await tempDir('rc-import-')
  const library = await openLibrary(join(dir, 'lib'), { now: steppingClock() })
  const events: Harness['events'] = []
  const chosen: string[] = []
  const handlers = createImportHandlers({
    library,
    chooseImportFiles: async () => [...chosen],
    sample: { fileName: 'sample.txt', content: '' },
    emit: <E extends EventName>(event: E, payload: Events[E]) =>
      void events.push({ event, payload }),
  })
  return {
    dir,
    library,
    events,
    chosen,
    handlers,
    cleanup: async () => {
      await library.close()
      await cleanup()
    },
  }
}

let line = 1
/** A review as a parser would hand it over; only what a test cares about needs giving. */
export function parsedReview(over: Partial<ParsedReview> = {}): ParsedReview {
  const author = over.author ?? 'someone'
  const date = over.date ?? '2006-03-11'
  return {
    rating: 7,
    title: 'A headline',
    author,
    date,
    bylineRaw: `${author}${date}`,
    bylineAmbiguous: false,
    bylineAlternatives: [{ author, date }],
    spoiler: false,
    helpful: { yes: 1, total: 2 },
    body: 'Body text.',
    line: line++,
    truncated: false,
    ...over,
  }
}

export function parsedFile(
  fileName: string,
  reviews: ParsedReview[],
  work: WorkRef | null = { title: 'Pusher II', year: 2004 },
  extra: Partial<ParseResult> = {},
): ParsedFile {
  return {
    fileName,
    result: {
      format: 'imdb-title-reviews-text',
      work,
      declaredCount: null,
      incomplete: false,
      reviews,
      warnings: [],
      fragments: [],
      ...extra,
    },
  }
}
