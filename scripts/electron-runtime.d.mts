export function platformExecutable(platform?: NodeJS.Platform | 'mas'): string
export function electronRuntime(
  root: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
): { executable: string | null; present: boolean }
