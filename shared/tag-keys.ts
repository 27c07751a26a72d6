// Keys 1–9 toggle tags. Each key is pinned to a tag (stored with the tag in library.json), so
// creating or renaming a tag never moves another tag's key. Libraries from before pins existed
// keep what their users had: the first nine tags in sidebar order, pinned on the first tag change.

export const TAG_KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const

interface Named {
  name: string
  key?: number
}

/**
 * Tags in sidebar order, as renderer/src/tag-tree.ts nests them: sorted by name, each `a/b` under
 * the node of `a` (case-insensitive), depth first.
 */
export function sidebarOrder<T extends Named>(tags: readonly T[]): T[] {
  interface Node {
    tag: T | null
    children: Node[]
  }
  const roots: Node[] = []
  const byPath = new Map<string, Node>()
  for (const tag of [...tags].sort((a, b) => a.name.localeCompare(b.name))) {
    let siblings = roots
    let path = ''
    const parts = tag.name.split('/')
    parts.forEach((label, i) => {
      path = path ? `${path}/${label}` : label
      let node = byPath.get(path.toLowerCase())
      if (!node) {
        node = { tag: null, children: [] }
        byPath.set(path.toLowerCase(), node)
        siblings.push(node)
      }
      if (i === parts.length - 1) node.tag = tag
      siblings = node.children
    })
  }
  const out: T[] = []
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.tag) out.push(node.tag)
      walk(node.children)
    }
  }
  walk(roots)
  return out
}

/** Whether any tag carries a pinned key: else the library predates pins. */
export const hasPins = (tags: readonly Named[]): boolean => tags.some((t) => t.key !== undefined)

/** Lower-cased tag name → key: the pins, or for an older library the first nine in order. */
export function tagKeyMap(tags: readonly Named[]): Map<string, number> {
  if (hasPins(tags)) {
    return new Map(
      tags.filter((t) => t.key !== undefined).map((t) => [t.name.toLowerCase(), t.key!]),
    )
  }
  return new Map(
    sidebarOrder(tags)
      .slice(0, 9)
      .map((t, i) => [t.name.toLowerCase(), i + 1]),
  )
}

/** The tags with their keys written out (an older library's derived keys become pins). */
export function pinKeys<T extends Named>(tags: readonly T[]): T[] {
  if (hasPins(tags) || tags.length === 0) return [...tags]
  const keys = tagKeyMap(tags)
  return tags.map((t) => {
    const key = keys.get(t.name.toLowerCase())
    return key === undefined ? t : { ...t, key }
  })
}

/** The lowest key no tag holds, for a new tag; undefined when all nine are taken. */
export function freeKey(tags: readonly Named[]): number | undefined {
  const taken = new Set(tags.map((t) => t.key))
  return TAG_KEYS.find((k) => !taken.has(k))
}

/** `created` appended to the (pinned) tags, each new tag taking the lowest free key. */
export function addTagsWithKeys<T extends Named>(tags: readonly T[], created: readonly T[]): T[] {
  const out = pinKeys(tags)
  for (const tag of created) {
    const key = freeKey(out)
    out.push(key === undefined ? tag : { ...tag, key })
  }
  return out
}
