import log from 'electron-log/main'
import { LOG_MAX_BYTES, logFilePath } from '../desktop/log-location'

export type MainLog = Pick<typeof log, 'error' | 'warn' | 'info'>

/**
 * Warnings and errors of main go to `<userData>/logs/main.log` (rotated to main.old.log past
 * 1 MB by electron-log). The console keeps them too, for `npm start` in a terminal.
 */
export function setupLogging(userData: string): { log: MainLog; logPath: string } {
  const logPath = logFilePath(userData)
  log.transports.file.resolvePathFn = () => logPath
  log.transports.file.maxSize = LOG_MAX_BYTES
  log.transports.file.level = 'info'
  log.transports.console.level = 'warn'
  return { log, logPath }
}
