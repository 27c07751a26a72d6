// What the user is told when main fails or the page dies; plain data, shown by electron/main.

export interface DialogText {
  title: string
  message: string
  detail: string
  buttons: string[]
  /** Index of the button Enter picks. */
  defaultId: number
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  return String(error)
}

/** An uncaught error in main: keep running (every change is already saved) or quit. */
export function mainErrorDialog(error: unknown, logPath: string): DialogText {
  return {
    title: 'Review Curator',
    message: 'Review Curator ran into an unexpected error.',
    detail: `Your library is saved after every change. The error was written to the log:\n${logPath}\n\n${describe(error)}`,
    buttons: ['Keep Running', 'Quit'],
    defaultId: 0,
  }
}

/** Electron's RenderProcessGoneDetails reasons, with what to tell the user. */
const GONE_REASONS: Record<string, string> = {
  crashed: 'The window crashed.',
  oom: 'The window ran out of memory.',
  'abnormal-exit': 'The window stopped unexpectedly.',
  killed: 'The window was stopped by the system.',
  'launch-failed': 'The window could not be started.',
  'integrity-failure': 'The window failed a code integrity check.',
  'memory-eviction': 'The window was closed to free memory.',
}

/** null when the page ended on purpose (a clean exit): nothing to offer. */
export function rendererGoneDialog(
  details: { reason: string; exitCode: number },
  logPath: string,
): DialogText | null {
  if (details.reason === 'clean-exit') return null
  const what = GONE_REASONS[details.reason] ?? `The window stopped (${details.reason}).`
  return {
    title: 'Review Curator',
    message: what,
    detail: `Your library is saved after every change; Reload opens it again. Details are in the log:\n${logPath}`,
    buttons: ['Reload', 'Quit'],
    defaultId: 0,
  }
}

export function aboutText(
  appName: string,
  versions: { app: string; electron: string; chrome: string; node: string },
): { message: string; detail: string } {
  return {
    message: `${appName} ${versions.app}`,
    detail: `Electron ${versions.electron}\nChromium ${versions.chrome}\nNode.js ${versions.node}`,
  }
}
