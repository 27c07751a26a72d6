import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { parseArgs } from 'node:util'
import { CuratorError } from '../domain/errors'
import type { Library } from '../domain/library/library'
import { LIBRARY_ENV, resolveLibraryDir, userDataDir } from '../domain/library/library-location'
import { checkupLibrary } from '../domain/library/library-checkup'
import { openLibrary } from '../domain/library/open-library'
import { addTags, removeTags, setMyRating, setNote } from '../app/commands/curate'
import { selectForExport } from '../domain/export/review-export'
import { IMPORT_OPTIONS, IMPORT_USAGE, runImportCommand, type ImportValues } from './import-command'
import { COLLECTIONS_USAGE, runCollectionsCommand } from './collections-command'
import { EXPORT_OPTIONS, EXPORT_USAGE, runExportCommand, type ExportValues } from './export-command'
import { formatReviewTable } from './output'
import {
  REPARSE_OPTIONS,
  REPARSE_USAGE,
  runReparseCommand,
  type ReparseValues,
} from './reparse-command'

export const USAGE = `Usage: review-curator <command> [options]

Commands:
${IMPORT_USAGE}
  reviews                        list every review (--json prints a JSON array)
  tag ID TAG...                  add tags to a review
  untag ID TAG...                remove tags from a review
  rate ID 1-10|none              set or clear my rating
  note ID TEXT                   set the note ("" clears it)
${COLLECTIONS_USAGE}
  doctor                         check every file of the library, repair what can be (exit 1 if
                                 something needs you)
${REPARSE_USAGE}
${EXPORT_USAGE}

Options:
  --library DIR   the library folder (default: $${LIBRARY_ENV}, else the app's own library)
  --json          machine-readable output
  --verbose       also write to the app's log file (<user data>/logs/main.log)
  -h, --help      show this help

Exit status: 0 success, 2 input rejected (the library is unchanged), 130 import cancelled
(the library is unchanged), 1 other failure.
`

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  home: string
  /** Progress bars go to stderr only on a terminal (or with --progress). */
  stderrIsTTY?: boolean
  /** Aborted on Ctrl+C, so a long import stops before writing anything. */
  signal?: AbortSignal
}

export const processIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  platform: process.platform,
  home: homedir(),
  stderrIsTTY: process.stderr.isTTY === true,
})

/** Bad command-line use: reported like bad input, exit status 2. */
class UsageError extends CuratorError {
  constructor(message: string) {
    super('bad-input', `${message}\nRun review-curator --help for usage.`)
  }
}

function parseRating(raw: string | undefined): number | null {
  if (raw === 'none') return null
  // The range is the command schema's to check; here only "is it a number at all".
  const n = Number(raw)
  if (!raw || Number.isNaN(n)) {
    throw new UsageError(
      `rate: expected a rating from 1 to 10 or "none", got ${JSON.stringify(raw ?? '')}`,
    )
  }
  return n
}

type Values = { json?: boolean } & ExportValues & ImportValues & ReparseValues

const READ_ONLY = new Set(['reviews', 'export', 'doctor', 'reparse', 'collections'])

/**
 * Commands that need no review text open from the list cache (a staged open) and leave without
 * reading the review files; the others read them all, as they need every body anyway.
 */
const STAGED = new Set(['tag', 'untag', 'rate', 'note', 'collections'])

async function runDoctor(library: Library, io: CliIo): Promise<number> {
  const { entries, problems } = await checkupLibrary(library, library.now())
  for (const f of entries) {
    const where = f.subject === 'library' || f.message.includes(f.subject) ? '' : `${f.subject}: `
    if (f.level !== 'ok') io.stdout(`${f.level}: ${where}${f.message}\n`)
  }
  io.stdout(problems ? `${problems} problem(s) need you.\n` : 'The library is fine.\n')
  return problems ? 1 : 0
}

async function runCommand(
  library: Library,
  command: string,
  args: string[],
  values: Values,
  io: CliIo,
) {
  const need = (n: number, what: string) => {
    if (args.length < n) throw new UsageError(`${command}: expected ${what}`)
  }
  switch (command) {
    case 'import':
      return runImportCommand(library, args, values, io)
    case 'reviews': {
      const reviews = selectForExport(library, {})
      io.stdout(values.json ? `${JSON.stringify(reviews, null, 2)}\n` : formatReviewTable(reviews))
      return
    }
    case 'tag':
    case 'untag': {
      need(2, 'a review id and at least one tag')
      const [id, ...tags] = args as [string, ...string[]]
      const fn = command === 'tag' ? addTags : removeTags
      const { changed } = await fn(library, [id], tags)
      io.stdout(
        values.json
          ? `${JSON.stringify(library.getCuration(id))}\n`
          : `${changed ? 'changed' : 'unchanged'}: ${id}\n`,
      )
      return
    }
    case 'rate': {
      need(2, 'a review id and a rating 1-10 or "none"')
      await setMyRating(library, [args[0]!], parseRating(args[1]))
      io.stdout(
        values.json ? `${JSON.stringify(library.getCuration(args[0]!))}\n` : `rated: ${args[0]}\n`,
      )
      return
    }
    case 'note': {
      need(2, 'a review id and the note text')
      const curation = await setNote(library, args[0]!, args.slice(1).join(' '))
      io.stdout(values.json ? `${JSON.stringify(curation)}\n` : `noted: ${args[0]}\n`)
      return
    }
    case 'collections':
      return runCollectionsCommand(library, values.json === true, io.stdout)
    case 'export':
      return runExportCommand(library, values, io)
    case 'doctor':
      return runDoctor(library, io)
    case 'reparse':
      if (args.length > 0) throw new UsageError('reparse: takes no arguments (use --import ID)')
      return runReparseCommand(library, values, io)
    default:
      throw new UsageError(`Unknown command ${JSON.stringify(command)}`)
  }
}

/** Runs one CLI invocation and returns its exit status; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        json: { type: 'boolean' },
        ...EXPORT_OPTIONS,
        ...IMPORT_OPTIONS,
        ...REPARSE_OPTIONS,
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (e) {
    io.stderr(`review-curator: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, ...args] = positionals
  if (values.help || !command) {
    ;(command || values.help ? io.stdout : io.stderr)(USAGE)
    return values.help ? 0 : 2
  }
  const dir = resolveLibraryDir({
    argv: values.library ? ['--library', values.library] : [],
    env: io.env,
    userData: userDataDir(io.platform, io.env, io.home),
  })
  let library: Library | undefined
  try {
    // Reading a folder that does not exist is a mistyped --library, not a new empty library.
    if (READ_ONLY.has(command) && !existsSync(dir))
      throw new UsageError(`${command}: there is no library at ${dir}`)
    // Its staged commands edit curation and never search: no early read of the index.
    library = await openLibrary(dir, { staged: STAGED.has(command), readIndexEarly: false })
    library.onNotice((notice) => io.stderr(`review-curator: ${notice}\n`))
    if (command !== 'doctor')
      for (const notice of library.notices) io.stderr(`review-curator: ${notice}\n`)
    return (await runCommand(library, command, args, values, io)) ?? 0
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    io.stderr(`review-curator: ${message}\n`)
    if (e instanceof CuratorError && e.code === 'cancelled') return 130
    return e instanceof CuratorError && (e.code === 'bad-input' || e.code === 'not-found') ? 2 : 1
  } finally {
    await library?.close()
  }
}
