import type { TagSummary } from '../../../shared/contract'
import { buildTagTree, type TagNode } from '../tag-tree'

interface Props {
  tags: TagSummary[]
  /** The tag the list is filtered by. */
  active: string | undefined
  /** Tag name (lower case) → the key 1–9 that toggles it. */
  keys: ReadonlyMap<string, number>
  onFilter: (tag: string | undefined) => void
  onEdit: (tag: TagSummary) => void
}

/** Tags nested by “/”, each a filter button with its colour, count and 1–9 key. */
export function TagTree({ tags, active, keys, onFilter, onEdit }: Props) {
  const render = (nodes: TagNode[], depth: number) => (
    <ul className={depth === 0 ? 'tag-tree' : 'tag-tree nested'}>
      {nodes.map((node) => (
        <li key={node.path}>
          <div className="tag-row">
            {node.tag ? (
              <>
                {/* The pinned key sits before the tag, apart from its count. */}
                <kbd
                  className="tag-key"
                  title={
                    keys.has(node.path.toLowerCase())
                      ? `Press ${keys.get(node.path.toLowerCase())} to toggle this tag`
                      : 'No key: pin one with ⋯'
                  }
                >
                  {keys.get(node.path.toLowerCase()) ?? ''}
                </kbd>
                <button
                  type="button"
                  className="tag-filter"
                  aria-pressed={active?.toLowerCase() === node.path.toLowerCase()}
                  title={`Show reviews tagged ${node.path}`}
                  onClick={() =>
                    onFilter(
                      active?.toLowerCase() === node.path.toLowerCase() ? undefined : node.path,
                    )
                  }
                >
                  <span className="swatch" style={{ background: node.tag.color }} />
                  <span className="tag-label">{node.label}</span>
                  <span className="count-badge">{node.tag.count}</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Edit tag ${node.path}`}
                  title="Rename, recolour, merge or delete"
                  onClick={() => onEdit(node.tag!)}
                >
                  ⋯
                </button>
              </>
            ) : (
              <span className="tag-parent">{node.label}</span>
            )}
          </div>
          {node.children.length > 0 && render(node.children, depth + 1)}
        </li>
      ))}
    </ul>
  )
  return render(buildTagTree(tags), 0)
}
