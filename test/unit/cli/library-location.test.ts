import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  libraryArg,
  resolveLibraryDir,
  userDataDir,
} from '../../../electron/domain/library/library-location'

describe('library location', () => {
  it('prefers --library, then REVIEW_CURATOR_LIBRARY, then the user data folder', () => {
    const userData = '/home/u/.config/Review Curator'
    expect(
      resolveLibraryDir({
        argv: ['app', '--library', '/a'],
        env: { REVIEW_CURATOR_LIBRARY: '/b' },
        userData,
      }),
    ).toBe('/a')
    expect(resolveLibraryDir({ argv: ['app', '--library=/c'], env: {}, userData })).toBe('/c')
    expect(
      resolveLibraryDir({ argv: ['app'], env: { REVIEW_CURATOR_LIBRARY: '/b' }, userData }),
    ).toBe('/b')
    expect(resolveLibraryDir({ argv: ['app'], env: {}, userData })).toBe(join(userData, 'library'))
    expect(libraryArg(['x'])).toBeUndefined()
  })

  it("matches Electron's userData folder on each platform", () => {
    expect(userDataDir('linux', {}, '/home/u')).toBe(join('/home/u', '.config', 'Review Curator'))
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/u')).toBe(
      join('/xdg', 'Review Curator'),
    )
    expect(userDataDir('darwin', {}, '/Users/u')).toBe(
      join('/Users/u', 'Library', 'Application Support', 'Review Curator'),
    )
    expect(
      userDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u'),
    ).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'Review Curator'))
  })
})
