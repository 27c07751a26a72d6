import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FileImportReport, ImportReport } from '../../../shared/contract'
import type { ImportRecord, ParseResult, Review, Work } from '../../../shared/domain'
import { BadInputError } from '../errors'
import type { Library } from '../library/library'
import { decodeDump } from '../parsers/decode-text'
import { parseDump } from '../parsers/parse-dump'
import { reviewId, workId } from './identity'

export interface ParsedFile {
  fileName: string
  result: ParseResult
}

/** Reads files for import; a missing or unreadable file is rejected with its path. */
export async function readDumpFiles(
  paths: string[],
): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  if (paths.length === 0) throw new BadInputError('No file to import: name at least one file')
  const out = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info) throw new BadInputError(`${path}: file not found`)
    if (!info.isFile())
      throw new BadInputError(`${path}: is a folder, expected a text file of reviews`)
    out.push({ fileName: basename(path), bytes: new Uint8Array(await readFile(path)) })
  }
  return out
}

/** Parses every input before anything is written, so one bad file leaves the library untouched. */
export function parseDumps(inputs: { fileName: string; bytes: Uint8Array }[]): ParsedFile[] {
  return inputs.map(({ fileName, bytes }) => ({
    fileName,
    result: parseDump(decodeDump(bytes, fileName), fileName),
  }))
}

const SOURCE_FIELDS = [
  'rating',
  'title',
  'author',
  'date',
  'bylineRaw',
  'bylineAmbiguous',
  'spoiler',
  'helpful',
  'body',
  'truncated',
] as const

function sameSource(a: Review, b: Review): boolean {
  return SOURCE_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]))
}

function workOf(parsed: ParsedFile): Work {
  // A copy without the page header still needs a work: the file name is the best name we have.
  const ref = parsed.result.work ?? { title: parsed.fileName.replace(/\.[^.]+$/, ''), year: null }
  return { id: workId(ref), ...ref }
}

interface Merged {
  report: FileImportReport
  undo: () => Promise<void>
  redo: () => Promise<void>
}

/** Merges one parsed dump into the library: new reviews are added, changed source fields updated. */
async function mergeFile(library: Library, parsed: ParsedFile): Promise<Merged> {
  const now = library.now().toISOString()
  const work = workOf(parsed)
  const importId = `im_${now.replace(/\D/g, '')}_${library.imports.length + 1}`
  const byId = new Map(library.reviewsOfWork(work.id).map((r) => [r.id, r]))
  let added = 0
  let updated = 0
  let unchanged = 0
  const seen = new Set<string>()
  for (const p of parsed.result.reviews) {
    const id = reviewId(work.id, p.bylineRaw, p.title)
    if (seen.has(id)) continue // the same review pasted twice in one dump
    seen.add(id)
    const { line: _line, ...fields } = p
    const incoming: Review = { id, workId: work.id, ...fields, importId, importedAt: now }
    const existing = byId.get(id)
    if (!existing) {
      byId.set(id, incoming)
      added++
    } else if (sameSource(existing, incoming) || (incoming.truncated && !existing.truncated)) {
      unchanged++ // never replace a complete review with a cut-off copy of it
    } else {
      byId.set(id, { ...incoming, importId: existing.importId, importedAt: existing.importedAt })
      updated++
    }
  }
  const workExisted = library.getWork(work.id) !== undefined
  const previous = library.reviewsOfWork(work.id)
  const merged = [...byId.values()]
  const writesReviews = added + updated > 0 || !workExisted
  if (writesReviews) await library.saveWorkReviews(work, merged)
  const { result } = parsed
  const record: ImportRecord = {
    id: importId,
    fileName: parsed.fileName,
    format: result.format,
    importedAt: now,
    workIds: [work.id],
    found: result.reviews.length,
    declared: result.declaredCount,
    added,
    updated,
    unchanged,
  }
  await library.saveMeta((meta) => {
    meta.imports.push(record)
  })
  const undo = async () => {
    if (!workExisted) await library.deleteWork(work.id)
    else if (writesReviews) await library.saveWorkReviews(work, previous)
    await library.saveMeta((meta) => {
      meta.imports = meta.imports.filter((i) => i.id !== record.id)
    })
  }
  const redo = async () => {
    if (writesReviews) await library.saveWorkReviews(work, merged)
    await library.saveMeta((meta) => void meta.imports.push(record))
  }
  const report: FileImportReport = {
    fileName: parsed.fileName,
    format: result.format,
    works: [{ title: work.title, year: work.year }],
    found: result.reviews.length,
    declared: result.declaredCount,
    incomplete: result.incomplete,
    added,
    updated,
    unchanged,
    ambiguousBylines: result.reviews
      .filter((r) => r.bylineAmbiguous)
      .map((r) => ({ line: r.line, bylineRaw: r.bylineRaw, alternatives: r.bylineAlternatives })),
    warnings: result.warnings,
    fragments: result.fragments,
  }
  return { report, undo, redo }
}

/** Imports parsed files as one undoable step: undo removes what it added, restores what it changed. */
export async function importParsed(library: Library, files: ParsedFile[]): Promise<ImportReport> {
  const merged: Merged[] = []
  for (const file of files) merged.push(await mergeFile(library, file))
  library.history.record({
    label: `Import ${files.map((f) => f.fileName).join(', ')}`,
    kind: 'import',
    undo: async () => {
      for (const m of [...merged].reverse()) await m.undo()
    },
    redo: async () => {
      for (const m of merged) await m.redo()
    },
  })
  return { files: merged.map((m) => m.report) }
}

export async function importFiles(library: Library, paths: string[]): Promise<ImportReport> {
  return importParsed(library, parseDumps(await readDumpFiles(paths)))
}

/** Text the renderer read from a dropped or pasted file; decoded like a file's bytes would be. */
export async function importText(
  library: Library,
  fileName: string,
  content: string,
): Promise<ImportReport> {
  const bytes = new TextEncoder().encode(content)
  return importParsed(library, parseDumps([{ fileName, bytes }]))
}
