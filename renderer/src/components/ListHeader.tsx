import { useState, type KeyboardEvent } from 'react'
import { PANE_LIMITS, type ListColumn } from '../../../shared/channels/layout'
import type { ReviewQuery } from '../../../shared/query'
import {
  COLUMN_INFO,
  columnWidth,
  gridTemplate,
  headerSort,
  resizeColumn,
  shownColumns,
  type ColumnLayout,
} from '../list-columns'
import { PaneSeparator } from './PaneSeparator'

interface Props {
  columns: ColumnLayout
  sort: ReviewQuery['sort']
  onSort: (sort: NonNullable<ReviewQuery['sort']>) => void
  onColumns: (columns: ColumnLayout) => void
  /** A drag's draft template, so the rows follow the handle before the width is remembered. */
  onDraft: (template: string | null) => void
}

const ARROW: Record<'asc' | 'desc', string> = { asc: '▲', desc: '▼' }
const SPOKEN: Record<'asc' | 'desc', string> = { asc: 'ascending', desc: 'descending' }

/**
 * The column headers: a click sorts by the column (again: the other way), in step with the Sort
 * by control; the handle beside a column resizes it. One Tab stop; Left and Right move between
 * the headers (a toolbar), so the columns do not lengthen the way from the filters to the list.
 */
export function ListHeader({ columns, sort, onSort, onColumns, onDraft }: Props) {
  const shown = shownColumns(columns)
  const sortable = shown.filter((c) => headerSort(c, sort) !== null)
  const sortedColumn = sortable.find((c) => COLUMN_INFO[c].sort === sort?.field)
  const [focusAt, setFocusAt] = useState<ListColumn | undefined>(undefined)
  const tabStop = focusAt && sortable.includes(focusAt) ? focusAt : (sortedColumn ?? sortable[0])
  const afterHeadline = (c: ListColumn) => shown.indexOf(c) > shown.indexOf('headline')

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    if (target.tagName !== 'BUTTON') return
    const at = sortable.indexOf(target.dataset.column as ListColumn)
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: sortable.length - 1 }[
      event.key
    ]
    if (next === undefined) return
    event.preventDefault()
    const column = sortable[Math.max(0, Math.min(sortable.length - 1, next))]
    if (!column) return
    setFocusAt(column)
    event.currentTarget.querySelector<HTMLElement>(`[data-column="${column}"]`)?.focus()
  }

  return (
    <div className="list-columns" role="toolbar" aria-label="Sort by column" onKeyDown={onKeyDown}>
      {shown.map((column) => {
        const info = COLUMN_INFO[column]
        const dir = column === sortedColumn ? sort?.dir : undefined
        const resizable = column !== 'headline'
        const grow = afterHeadline(column) ? -1 : 1
        return (
          <div key={column} id={`column-${column}`} className="column-head">
            {headerSort(column, sort) ? (
              <button
                type="button"
                className="column-sort"
                data-column={column}
                tabIndex={column === tabStop ? 0 : -1}
                aria-pressed={dir !== undefined}
                aria-label={`Sort by ${info.label}${dir ? `, ${SPOKEN[dir]}` : ''}`}
                title={`Sort by ${info.label}; click again to reverse`}
                onClick={() => {
                  setFocusAt(column)
                  const next = headerSort(column, sort)
                  if (next) onSort(next)
                }}
              >
                {info.label}
                {dir && (
                  <span className="sort-arrow" aria-hidden="true">
                    {ARROW[dir]}
                  </span>
                )}
              </button>
            ) : (
              <span className="column-label">{info.label}</span>
            )}
            {resizable && (
              <PaneSeparator
                label={`Resize the ${info.label} column`}
                controls={`column-${column}`}
                className={grow === 1 ? 'column-resize end' : 'column-resize start'}
                tabbable={false}
                value={columnWidth(columns, column)}
                min={PANE_LIMITS.column.min}
                max={PANE_LIMITS.column.max}
                grow={grow}
                step={8}
                measure={() => columnWidth(columns, column)}
                onDraft={(width) =>
                  onDraft(
                    width === null ? null : gridTemplate(resizeColumn(columns, column, width)),
                  )
                }
                onCommit={(width) => onColumns(resizeColumn(columns, column, width))}
              />
            )}
          </div>
        )
      })}
    </div>
  )
}
