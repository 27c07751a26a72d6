import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// "Open with Review Curator": Windows and Linux pass the files on the command line (at launch, or
// to the running instance through the single-instance handoff); Linux desktop entries may pass
// file:// URIs (%U). macOS sends `open-file` events instead, which need no parsing.

/** Our own options that take a separate value, so the value is not mistaken for a file. */
const OPTIONS_WITH_VALUE = new Set(['--library'])

export interface ArgvContext {
  /** process.defaultApp: started as `electron <app> …`, so argv[1] is the app, not a file. */
  defaultApp: boolean
  /** Where relative paths are resolved: the launching shell's working directory. */
  cwd: string
  isFile: (path: string) => boolean
}

function toPath(arg: string, cwd: string): string | null {
  if (arg.startsWith('file:')) {
    try {
      return fileURLToPath(arg)
    } catch {
      return null
    }
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null
  return isAbsolute(arg) ? arg : resolve(cwd, arg)
}

/** The files a command line asks the app to open, in order, each once; switches are skipped. */
export function filesFromArgv(argv: readonly string[], context: ArgvContext): string[] {
  const files: string[] = []
  let skippedApp = !context.defaultApp
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') continue
    if (arg.startsWith('-')) {
      if (OPTIONS_WITH_VALUE.has(arg)) i++
      continue
    }
    if (!skippedApp) {
      skippedApp = true
      continue
    }
    const path = toPath(arg, context.cwd)
    if (path && !files.includes(path) && context.isFile(path)) files.push(path)
  }
  return files
}

/**
 * Files waiting for the window: the OS may hand them over before the window exists, or while an
 * import is running. The import dialog takes them instead of asking, so the renderer starts its
 * usual preview and never learns a path main did not give it.
 */
export class OpenedFiles {
  private pending: string[] = []

  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((p) => !this.pending.includes(p))
    this.pending.push(...fresh)
    return fresh.length > 0
  }

  get size(): number {
    return this.pending.length
  }

  take(): string[] {
    const taken = this.pending
    this.pending = []
    return taken
  }
}
