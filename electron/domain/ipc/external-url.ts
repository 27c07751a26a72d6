/** Only plain https links leave the app; anything else (file:, javascript:, custom schemes) stays shut. */
export function checkExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' && url.username === '' && url.password === ''
  } catch {
    return false
  }
}
