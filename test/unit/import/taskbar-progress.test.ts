import type { BrowserWindow } from 'electron'
import { describe, expect, it } from 'vitest'
import { mirrorImportProgress } from '../../../electron/main/taskbar-progress'

describe('taskbar progress', () => {
  it('mirrors import progress on the window icon and removes the bar when done', () => {
    const calls: number[] = []
    const win = {
      isDestroyed: () => false,
      setProgressBar: (value: number) => void calls.push(value),
    } as unknown as BrowserWindow
    const emit = mirrorImportProgress(() => win)
    emit('import:progress', { active: true, phase: 'parsing', fileName: 'a.txt', fraction: 0.25 })
    emit('library:changed', { reviews: true, curationIds: [], meta: true })
    emit('import:progress', { active: true, phase: 'parsing', fileName: 'a.txt', fraction: 1.5 })
    emit('import:progress', { active: false, phase: 'writing', fileName: '', fraction: 1 })
    expect(calls).toEqual([0.25, 1, -1])
  })

  it('does nothing without a live window', () => {
    const emit = mirrorImportProgress(() => undefined)
    expect(() =>
      emit('import:progress', { active: true, phase: 'reading', fileName: 'a', fraction: 0 }),
    ).not.toThrow()
  })
})
