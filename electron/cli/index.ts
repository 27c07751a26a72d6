import { userDataDir } from '../domain/library/library-location'
import { processIo, runCli } from './run'
import { openCliLog, splitVerbose } from './verbose-log'

// Ctrl+C aborts a running import before it writes (the library stays as it was); a second
// Ctrl+C exits at once.
const interrupt = new AbortController()
process.once('SIGINT', () => {
  interrupt.abort()
  process.once('SIGINT', () => process.exit(130))
})

const { verbose, argv } = splitVerbose(process.argv.slice(2))
const io = processIo()
const log = verbose ? await openCliLog(userDataDir(io.platform, io.env, io.home)) : null
log?.info(`review-curator ${argv.join(' ')}`)
const stderr = log
  ? (text: string) => {
      io.stderr(text)
      log.warn(text.trimEnd())
    }
  : io.stderr

// Set exitCode rather than calling exit() so buffered stdout (a large export) is flushed first.
runCli(argv, { ...io, stderr, signal: interrupt.signal }).then((code) => {
  log?.info(`exit status ${code}`)
  process.exitCode = code
  // The SIGINT listener would otherwise keep nothing alive, but remove it for a clean exit.
  process.removeAllListeners('SIGINT')
})
