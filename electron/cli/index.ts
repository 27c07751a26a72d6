import { processIo, runCli } from './run'

// Set exitCode rather than calling exit() so buffered stdout (a large export) is flushed first.
runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code
})
