// Search compares folded text: lower case, accents stripped, and the Nordic and German letters
// that do not decompose spelled out, so `sorensen` finds `Sørensen` and `drasbaek` finds `Drasbæk`.
// Shared so the renderer marks exactly what main matched.

const SPECIAL: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  å: 'a',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  œ: 'oe',
  þ: 'th',
}

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæåßđłœþ]/g, (ch) => SPECIAL[ch] ?? ch)
}

const NON_ASCII = /[\u0080-\uffff]/
const NON_ASCII_RUN = /[\u0080-\uffff]+/g

/**
 * foldText, faster: decomposing and stripping accents is character-local, so only the runs of
 * non-ASCII characters need it (the whole-text regexes cost ten times more on a long review).
 */
export function foldFast(text: string): string {
  const lower = text.toLowerCase()
  return !NON_ASCII.test(lower) ? lower : lower.replace(NON_ASCII_RUN, foldRun)
}

// Non-ASCII runs are mostly the same few characters (’ “ é ø …): remember how each folds.
const folded = new Map<string, string>()

function foldRun(run: string): string {
  let out = folded.get(run)
  if (out === undefined) {
    out = foldText(run)
    if (folded.size < 50_000 && run.length <= 8) folded.set(run, out)
  }
  return out
}
