import type { LibraryInfo } from '../../../shared/contract'
import { workLabel } from '../format'

interface Props {
  info: LibraryInfo
  workId: string | undefined
  onWork: (workId: string | undefined) => void
}

/** Works double as a filter: picking one narrows the list to that title. */
export function LibrarySummary({ info, workId, onWork }: Props) {
  return (
    <nav className="library" aria-label="Library">
      <h2 className="side-heading">Works</h2>
      <ul className="work-list">
        <li>
          <button
            type="button"
            className="work-item"
            aria-pressed={workId === undefined}
            onClick={() => onWork(undefined)}
          >
            <span>All works</span>
            <span className="count-badge">{info.reviewCount}</span>
          </button>
        </li>
        {info.works.map((work) => (
          <li key={work.id}>
            <button
              type="button"
              className="work-item"
              aria-pressed={workId === work.id}
              onClick={() => onWork(workId === work.id ? undefined : work.id)}
            >
              <span>{workLabel(work)}</span>
              <span className="count-badge">{work.reviewCount}</span>
            </button>
          </li>
        ))}
      </ul>
      {info.tags.length > 0 && (
        <>
          <h2 className="side-heading">Tags</h2>
          <ul className="tag-summary">
            {info.tags.map((tag) => (
              <li key={tag.name}>
                <span className="chip small">{tag.name}</span>
                <span className="count-badge">{tag.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  )
}
