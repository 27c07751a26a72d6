/** Main's messages already name the file and the problem, so they are shown as they are. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
