import { stat } from 'node:fs/promises'
import {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_FIELDS,
  EXPORT_FORMATS,
  type ExportFields,
  type ExportFormat,
  type ExportOptions,
} from '../../shared/channels/export'
import { ReviewQuery } from '../../shared/query'
import { parseQuery } from '../../shared/query-language'
import { BadInputError } from '../domain/errors'
import {
  exportContext,
  exportToFile,
  isTextFormat,
  PDF_UNAVAILABLE,
  renderToString,
  writtenCount,
} from '../app/export/export-service'
import { findCollectionScope, findView, type ResolvedScope } from '../domain/export/select'
import type { Library } from '../domain/library/library'

export const EXPORT_USAGE = `  export --format FORMAT         write reviews with curation; FORMAT is one of
                                 ${EXPORT_FORMATS.filter((f) => f !== 'pdf').join(', ')}
                                 (pdf needs the desktop app)
    --out FILE                   write FILE atomically (default: stdout)
    --force                      replace FILE if it exists (otherwise refused)
    --query Q                    a typed query (rating:>=8 tag:acting refn) or ReviewQuery JSON
    --view NAME                  a saved view, by name or id
    --tag TAG                    reviews with this tag
    --collection NAME            a collection (name or id), in the collection's order
    --fields all|original|curation|highlights
    --preset NAME                start from a saved export preset
    --include-spoilers           include spoiler reviews (the default, unless a preset leaves them out)
    --exclude-spoilers           leave spoiler reviews out
    --no-bom                     CSV/TSV without the byte-order mark`

export interface ExportValues {
  format?: string
  tag?: string
  collection?: string
  out?: string
  query?: string
  view?: string
  fields?: string
  preset?: string
  'include-spoilers'?: boolean
  'exclude-spoilers'?: boolean
  'no-bom'?: boolean
  force?: boolean
}

export const EXPORT_OPTIONS = {
  format: { type: 'string' },
  tag: { type: 'string' },
  collection: { type: 'string' },
  out: { type: 'string' },
  query: { type: 'string' },
  view: { type: 'string' },
  fields: { type: 'string' },
  preset: { type: 'string' },
  'include-spoilers': { type: 'boolean' },
  'exclude-spoilers': { type: 'boolean' },
  'no-bom': { type: 'boolean' },
  force: { type: 'boolean' },
} as const

const quoted = (v: string | undefined) => JSON.stringify(v ?? '')

/** `--query`: JSON when it looks like an object, else the search box's typed query. */
export function parseQueryOption(raw: string): ReviewQuery {
  if (raw.trim().startsWith('{')) {
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (e) {
      throw new BadInputError(`export: --query is not valid JSON: ${(e as Error).message}`)
    }
    const parsed = ReviewQuery.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new BadInputError(
        `export: --query ${issue.path.join('.') || '(top)'}: ${issue.message}`,
      )
    }
    return parsed.data
  }
  const outcome = parseQuery(raw)
  if (!outcome.ok) {
    const { message, start } = outcome.error
    throw new BadInputError(`export: bad --query at character ${start + 1}: ${message}`)
  }
  return { q: raw }
}

function scopeOf(library: Library, v: ExportValues): ResolvedScope {
  const chosen = [v.query, v.view, v.tag, v.collection].filter((x) => x !== undefined)
  if (chosen.length > 1)
    throw new BadInputError('export: give at most one of --query, --view, --tag, --collection')
  if (v.view !== undefined) return findView(library, v.view)
  if (v.collection !== undefined) return findCollectionScope(library, v.collection)
  if (v.tag !== undefined) return { label: `Tag “${v.tag}”`, query: { tags: [v.tag] } }
  if (v.query !== undefined) return { label: 'Query', query: parseQueryOption(v.query) }
  return { label: 'The whole library', query: {} }
}

function optionsOf(library: Library, v: ExportValues): ExportOptions {
  let options = DEFAULT_EXPORT_OPTIONS
  if (v.preset !== undefined) {
    const preset = library.exportPrefs.exportPresets.find(
      (p) => p.name.toLowerCase() === v.preset!.toLowerCase(),
    )
    if (!preset) throw new BadInputError(`export: no export preset named ${quoted(v.preset)}`)
    options = preset.options
  }
  if (v.fields !== undefined && !EXPORT_FIELDS.includes(v.fields as ExportFields)) {
    throw new BadInputError(
      `export: --fields must be one of ${EXPORT_FIELDS.join(', ')}, got ${quoted(v.fields)}`,
    )
  }
  if (v['include-spoilers'] && v['exclude-spoilers']) {
    throw new BadInputError(
      'export: --include-spoilers and --exclude-spoilers contradict each other',
    )
  }
  return {
    ...options,
    fields: (v.fields as ExportFields | undefined) ?? options.fields,
    includeSpoilers: v['exclude-spoilers']
      ? false
      : v['include-spoilers']
        ? true
        : options.includeSpoilers,
    bom: v['no-bom'] ? false : options.bom,
  }
}

function formatOf(library: Library, v: ExportValues): ExportFormat {
  const raw =
    v.format ??
    library.exportPrefs.exportPresets.find(
      (p) => v.preset !== undefined && p.name.toLowerCase() === v.preset.toLowerCase(),
    )?.format
  if (!EXPORT_FORMATS.includes(raw as ExportFormat)) {
    throw new BadInputError(
      `export: --format must be one of ${EXPORT_FORMATS.join(', ')}, got ${quoted(v.format)}`,
    )
  }
  return raw as ExportFormat
}

/** Runs `review-curator export`; progress and the summary go to stderr, data to stdout or --out. */
export async function runExportCommand(
  library: Library,
  v: ExportValues,
  io: { stdout: (t: string) => void; stderr: (t: string) => void },
): Promise<void> {
  const format = formatOf(library, v)
  const options = optionsOf(library, v)
  const scope = scopeOf(library, v)
  if (format === 'pdf') throw new BadInputError(`export: ${PDF_UNAVAILABLE}`)
  const ctx = exportContext(library, scope, options, {}, format)
  if (!v.out) {
    if (!isTextFormat(format)) {
      throw new BadInputError(`export: ${format} is a binary format; pass --out FILE`)
    }
    io.stdout(renderToString(format, ctx))
    io.stderr(`Exported ${writtenCount(format, options.fields, ctx.matches)} reviews\n`)
    return
  }
  // The app's save dialog asks before replacing a file; here --force is that answer.
  if (!v.force && (await stat(v.out).catch(() => null))) {
    throw new BadInputError(`export: ${v.out} already exists; pass --force to replace it`)
  }
  const total = ctx.matches.length
  const result = await exportToFile(ctx, {
    format,
    path: v.out,
    onProgress: ({ written }) => {
      if (written < total) io.stderr(`\rExporting… ${written} of ${total}`)
    },
  })
  if (total >= 2000) io.stderr('\n')
  io.stderr(`Exported ${result.count} reviews to ${v.out} (${result.bytes} bytes)\n`)
}
