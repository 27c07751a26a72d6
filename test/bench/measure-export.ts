// Child process of the bench's export section: one format, ours or the naive baseline, on one
// library, in a fresh process so memory growth is this export's alone. Prints one JSON line.
// Run alone: node --expose-gc --import tsx test/bench/measure-export.ts <libraryDir> <json|csv> <ours|naive> <outFile>

import { writeFile } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/channels/export'
import { CSV_COLUMNS } from '../../electron/domain/export/csv-writer'
import { exportContext, exportToFile } from '../../electron/app/export/export-service'
import { reviewRecord } from '../../electron/domain/export/json-writer'
import { openLibrary } from '../../electron/domain/library/open-library'
import type { Library } from '../../electron/domain/library/library'
import type { Match } from '../../electron/domain/queries/query-service'

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10

/** The obvious way: every record in memory, one big string, one write. */
async function naive(library: Library, format: string, out: string, sample: () => void) {
  const ctx = exportContext(library, { label: 'all', query: {} }, DEFAULT_EXPORT_OPTIONS)
  const workOf = (m: Match) => library.getWork(m.review.workId)!
  if (format === 'json') {
    const reviews = ctx.matches.map((m) => reviewRecord(m, workOf(m), 'all'))
    sample()
    const text = JSON.stringify({ schema: 'review-curator-export', version: 2, reviews }, null, 2)
    sample()
    await writeFile(out, text)
  } else {
    const rows = ctx.matches.map((m) =>
      [
        m.review.id,
        workOf(m).title,
        workOf(m).year,
        m.review.rating,
        m.curation.myRating,
        m.review.title,
        m.review.author,
        m.review.date,
        m.review.helpful?.yes,
        m.review.helpful?.total,
        m.review.spoiler,
        m.curation.tags.join('; '),
        m.curation.note,
        m.review.bylineRaw,
        m.review.bylineAmbiguous,
        m.review.truncated,
        m.curation.kept,
        '',
        m.review.body,
      ].map((c) => (c === null || c === undefined ? '' : String(c))),
    )
    sample()
    const text = stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })
    sample()
    await writeFile(out, `\uFEFF${text}`)
  }
  return ctx.matches.length
}

async function main(dir: string, format: 'json' | 'csv', kind: string, out: string) {
  const library = await openLibrary(dir)
  try {
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    const base = process.memoryUsage.rss()
    let peak = base
    const sample = () => void (peak = Math.max(peak, process.memoryUsage.rss()))
    const timer = setInterval(sample, 20)
    const start = performance.now()
    let count: number
    if (kind === 'ours') {
      const ctx = exportContext(library, { label: 'all', query: {} }, DEFAULT_EXPORT_OPTIONS)
      const result = await exportToFile(ctx, { format, path: out, onProgress: sample })
      count = result.count
    } else {
      count = await naive(library, format, out, sample)
    }
    const ms = performance.now() - start
    sample()
    clearInterval(timer)
    process.stdout.write(
      `${JSON.stringify({ format, kind, count, ms: Math.round(ms), growthMb: mb(peak - base) })}\n`,
    )
  } finally {
    await library.close()
  }
}

const [dir, format, kind, out] = process.argv.slice(2)
main(dir!, format as 'json' | 'csv', kind!, out!).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
