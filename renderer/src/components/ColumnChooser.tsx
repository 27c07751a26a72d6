import { useEffect, useRef } from 'react'
import { LIST_COLUMNS } from '../../../shared/channels/layout'
import { COLUMN_INFO, shownColumns, toggleColumn, type ColumnLayout } from '../list-columns'

interface Props {
  columns: ColumnLayout
  onColumns: (columns: ColumnLayout) => void
}

/** Which columns the list shows; the review (headline) column always is. */
export function ColumnChooser({ columns, onColumns }: Props) {
  const menu = useRef<HTMLDetailsElement>(null)
  const shown = shownColumns(columns)

  // A menu closes when the user clicks elsewhere or presses Esc, as the native ones do.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current
      if (!details?.open) return
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return
        event.preventDefault()
        details.open = false
        details.querySelector('summary')?.focus()
      } else if (!details.contains(event.target as Node)) details.open = false
    }
    document.addEventListener('pointerdown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('keydown', close)
    }
  }, [])

  return (
    <details ref={menu} className="column-chooser">
      <summary title="Choose the list's columns">Columns</summary>
      <fieldset className="column-menu">
        <legend className="visually-hidden">Columns shown</legend>
        {LIST_COLUMNS.map((column) => (
          <label key={column} className="check">
            <input
              type="checkbox"
              checked={shown.includes(column)}
              disabled={column === 'headline'}
              onChange={() => onColumns(toggleColumn(columns, column))}
            />
            {COLUMN_INFO[column].label}
          </label>
        ))}
      </fieldset>
    </details>
  )
}
