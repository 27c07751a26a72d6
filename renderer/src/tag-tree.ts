import type { TagSummary } from '../../shared/contract'

export interface TagNode {
  /** Full path, e.g. `theme/fatherhood`. */
  path: string
  /** Last segment, e.g. `fatherhood`. */
  label: string
  /** The tag itself, when the path is a real tag and not only a parent of some. */
  tag: TagSummary | null
  children: TagNode[]
}

/** Nests `a/b` under `a`, creating parent nodes that are not tags themselves. */
export function buildTagTree(tags: TagSummary[]): TagNode[] {
  const roots: TagNode[] = []
  const byPath = new Map<string, TagNode>()
  const sorted = [...tags].sort((a, b) => a.name.localeCompare(b.name))
  for (const tag of sorted) {
    const parts = tag.name.split('/')
    let siblings = roots
    let path = ''
    parts.forEach((label, i) => {
      path = path ? `${path}/${label}` : label
      const key = path.toLowerCase()
      let node = byPath.get(key)
      if (!node) {
        node = { path, label, tag: null, children: [] }
        byPath.set(key, node)
        siblings.push(node)
      }
      if (i === parts.length - 1) node.tag = tag
      siblings = node.children
    })
  }
  return roots
}

/** Real tags in the order the sidebar shows them (see shared/tag-keys.ts for the key order). */
export function orderedTags(tags: TagSummary[]): TagSummary[] {
  const out: TagSummary[] = []
  const walk = (nodes: TagNode[]) => {
    for (const node of nodes) {
      if (node.tag) out.push(node.tag)
      walk(node.children)
    }
  }
  walk(buildTagTree(tags))
  return out
}
