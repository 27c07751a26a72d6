import { join } from 'node:path'

export const LIBRARY_ENV = 'REVIEW_CURATOR_LIBRARY'
export const APP_NAME = 'Review Curator'

/** `--library DIR` or `--library=DIR` from a command line, if given. */
export function libraryArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--library') return argv[i + 1]
    if (arg.startsWith('--library=')) return arg.slice('--library='.length)
  }
  return undefined
}

/**
 * Where Electron keeps this app's user data on each platform (app.getPath('userData')), computed
 * without Electron so the CLI finds the same library as the app.
 */
export function userDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME)
}

/** The library folder: the command line wins, then the environment, then the app's user data. */
export function resolveLibraryDir(options: {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  userData: string
}): string {
  return libraryArg(options.argv) ?? (options.env[LIBRARY_ENV] || join(options.userData, 'library'))
}
