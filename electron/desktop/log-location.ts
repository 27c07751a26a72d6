import { join } from 'node:path'

// One log file for the app and the CLI (`--verbose`), in the user-data folder on every OS (not
// electron-log's macOS default ~/Library/Logs), so Help → Show Logs and the CLI agree.

export const LOG_MAX_BYTES = 1024 * 1024

export function logFilePath(userData: string): string {
  return join(userData, 'logs', 'main.log')
}
