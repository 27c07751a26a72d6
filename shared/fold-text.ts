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
