// What the Add tag field offers for a draft, and what Enter does with it. Enter accepts the
// highlighted option and nothing else: a new tag is only ever created through its explicit
// "Create …" option, so "act" typed while "acting" is offered adds acting, not a typo tag.

const MAX_SUGGESTIONS = 8

export type TagOption = { kind: 'existing'; name: string } | { kind: 'create'; name: string }

/** Existing tags matching the draft (a level of a nested tag counts too), then "Create …". */
export function tagOptions(draft: string, known: string[], current: string[]): TagOption[] {
  const typed = draft.trim()
  const prefix = typed.toLowerCase()
  const has = new Set(current.map((t) => t.toLowerCase()))
  const matches = known
    .filter((name) => {
      const lower = name.toLowerCase()
      return !has.has(lower) && (lower.startsWith(prefix) || lower.includes(`/${prefix}`))
    })
    // An exact match first, so Enter on a full name always takes that name.
    .sort((a, b) => Number(b.toLowerCase() === prefix) - Number(a.toLowerCase() === prefix))
    .slice(0, MAX_SUGGESTIONS)
  const options: TagOption[] = matches.map((name) => ({ kind: 'existing', name }))
  const exists = known.some((name) => name.toLowerCase() === prefix)
  if (typed && !exists && !has.has(prefix)) options.push({ kind: 'create', name: typed })
  return options
}

/** The option Enter takes: the highlighted one, else the first (an existing tag before Create). */
export function enterChoice(options: TagOption[], active: number): TagOption | null {
  return options[active] ?? options[0] ?? null
}

/** Arrow keys move the highlight round the options. */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return 0
  return (active + step + count) % count
}
