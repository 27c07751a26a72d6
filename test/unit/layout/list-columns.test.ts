import { describe, expect, it } from 'vitest'
import { DEFAULT_LAYOUT } from '../../../shared/channels/layout'
import {
  gridTemplate,
  headerSort,
  HEADLINE_MIN,
  resizeColumn,
  shownColumns,
  toggleColumn,
} from '../../../renderer/src/list-columns'

const columns = DEFAULT_LAYOUT.columns

describe('list columns', () => {
  it('keeps display order and the headline column whatever the stored list says', () => {
    expect(shownColumns({ visible: ['helpful', 'rating'], widths: {} })).toEqual([
      'rating',
      'headline',
      'helpful',
    ])
    expect(toggleColumn(columns, 'headline')).toBe(columns)
  })

  it('adds a column in its place and removes it again', () => {
    const withAuthor = toggleColumn(columns, 'author')
    expect(shownColumns(withAuthor)).toEqual(['rating', 'mine', 'headline', 'author', 'helpful'])
    expect(shownColumns(toggleColumn(withAuthor, 'author'))).toEqual(shownColumns(columns))
  })

  it('gives fixed columns their width and the headline the rest, never under its minimum', () => {
    const wide = resizeColumn(columns, 'rating', 80.4)
    expect(gridTemplate(wide)).toBe(`80px 44px minmax(${HEADLINE_MIN}px, 1fr) 64px`)
  })

  it('sorts by a header: first direction, then the other, and nothing for unsortable columns', () => {
    expect(headerSort('rating', undefined)).toEqual({ field: 'rating', dir: 'desc' })
    expect(headerSort('rating', { field: 'rating', dir: 'desc' })).toEqual({
      field: 'rating',
      dir: 'asc',
    })
    expect(headerSort('headline', { field: 'rating', dir: 'desc' })).toEqual({
      field: 'title',
      dir: 'asc',
    })
    expect(headerSort('tags', undefined)).toBeNull()
  })
})
