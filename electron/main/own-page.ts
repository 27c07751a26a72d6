/** True for the page we loaded ourselves; IPC from anything else (an iframe, a stray page) is refused. */
export function isOwnPage(url: string | undefined, rendererUrl: string): boolean {
  if (!url) return false
  try {
    const got = new URL(url)
    const want = new URL(rendererUrl)
    return (
      got.protocol === want.protocol && got.host === want.host && got.pathname === want.pathname
    )
  } catch {
    return false
  }
}
