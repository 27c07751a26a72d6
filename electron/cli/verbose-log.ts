import { LOG_MAX_BYTES, logFilePath } from '../desktop/log-location'

// `--verbose`: the CLI also writes what it did and what went wrong to the app's log file, so one
// file tells the story of a library. Without it the CLI writes no file at all.

export interface CliLog {
  info(text: string): void
  warn(text: string): void
}

/** Takes `--verbose` out of the arguments (every command accepts it). */
export function splitVerbose(argv: readonly string[]): { verbose: boolean; argv: string[] } {
  return { verbose: argv.includes('--verbose'), argv: argv.filter((a) => a !== '--verbose') }
}

/** The app's log (<userData>/logs/main.log), opened only when asked for. */
export async function openCliLog(userData: string): Promise<CliLog> {
  const { default: log } = await import('electron-log/node')
  const path = logFilePath(userData)
  log.transports.file.resolvePathFn = () => path
  log.transports.file.maxSize = LOG_MAX_BYTES
  log.transports.file.level = 'info'
  // stdout and stderr belong to the command's own output.
  log.transports.console.level = false
  const scoped = log.scope('cli')
  return { info: (t) => scoped.info(t), warn: (t) => scoped.warn(t) }
}
