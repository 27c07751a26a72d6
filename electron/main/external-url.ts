/** Only plain https links leave the app; anything else (file:, javascript:, custom schemes) stays shut. */
export function checkExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

/** Opens `raw` with `open` (the system browser) only when the rules above allow it. */
export async function openExternalChecked(
  raw: string,
  open: (url: string) => Promise<void>,
): Promise<boolean> {
  if (!checkExternalUrl(raw)) return false
  await open(raw)
  return true
}
