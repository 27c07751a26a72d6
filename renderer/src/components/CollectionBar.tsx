import type { CollectionSummary } from '../../../shared/contract'
import { plural } from '../format'

interface Props {
  collection: CollectionSummary
  /** The list is sorted by a field, not in the collection's order: reordering is off. */
  sorted: boolean
  /** How many reviews "Remove from collection" would take out (the selection or current one). */
  removable: number
  onRemove: () => void
  onLeave: () => void
}

/** Above the list while it shows a collection: what it is, how to reorder it, and removal. */
export function CollectionBar({ collection, sorted, removable, onRemove, onLeave }: Props) {
  return (
    <div className="collection-bar">
      <p className="collection-title">
        <strong>{collection.name}</strong> · {plural(collection.count, 'review')}
        <span className="hint">
          {sorted
            ? ' · Sorted by a field: choose Collection order under Sort by to reorder'
            : ' · Drag a row, or Alt+↑/↓, to reorder; this is the export order'}
        </span>
      </p>
      <button type="button" className="quiet" disabled={removable === 0} onClick={onRemove}>
        {removable > 1
          ? `Remove ${plural(removable, 'review')} from collection`
          : 'Remove from collection'}
      </button>
      <button type="button" className="quiet" onClick={onLeave}>
        All reviews
      </button>
    </div>
  )
}
