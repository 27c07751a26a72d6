/**
 * The 1-based line on which each element of the array at `path` starts in a JSON text, so that
 * records of a pretty-printed scraper dump are reported by line like every other format.
 * A small tokenizer: strings (with escapes) are skipped, containers tracked with their key.
 */
export function elementLines(text: string, path: readonly (string | number)[]): number[] {
  const lines: number[] = []
  const stack: { array: boolean; key: string | number | null; index: number }[] = []
  let line = 1
  let lastString: string | null = null
  let pendingKey: string | null = null
  const atTarget = (): boolean => {
    if (stack.length !== path.length + 1) return false
    const top = stack.at(-1)
    if (top === undefined || !top.array) return false
    return path.every((key, k) => stack[k + 1]?.key === key)
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    else if (c === '"') {
      const end = stringEnd(text, i)
      lastString = text.slice(i + 1, end)
      i = end
    } else if (c === ':') pendingKey = lastString
    else if (c === '{' || c === '[') {
      if (atTarget()) lines.push(line)
      const parent = stack.at(-1)
      const key = parent === undefined ? null : parent.array ? parent.index : pendingKey
      stack.push({ array: c === '[', key, index: 0 })
      pendingKey = null
    } else if (c === '}' || c === ']') stack.pop()
    else if (c === ',') {
      const top = stack.at(-1)
      if (top?.array === true) top.index++
    }
  }
  return lines
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return i
  }
  return text.length
}
