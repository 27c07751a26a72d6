import { processIo, runCli } from './run'

// Ctrl+C aborts a running import before it writes (the library stays as it was); a second
// Ctrl+C exits at once.
const interrupt = new AbortController()
process.once('SIGINT', () => {
  interrupt.abort()
  process.once('SIGINT', () => process.exit(130))
})

// Set exitCode rather than calling exit() so buffered stdout (a large export) is flushed first.
runCli(process.argv.slice(2), { ...processIo(), signal: interrupt.signal }).then((code) => {
  process.exitCode = code
  // The SIGINT listener would otherwise keep nothing alive, but remove it for a clean exit.
  process.removeAllListeners('SIGINT')
})
