import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { filesFromArgv, OpenedFiles } from '../../../electron/desktop/open-with'

const cwd = resolve('/home/ana/Downloads')
const existing = new Set([
  join(cwd, 'pusher.txt'),
  resolve('/data/reviews.csv'),
  resolve('/data/my reviews.json'),
])
const isFile = (p: string) => existing.has(p)
const packaged = { defaultApp: false, cwd, isFile }

describe('filesFromArgv', () => {
  it('takes the files after the executable of a packaged app, resolving relative paths', () => {
    const argv = ['/opt/Review Curator/review-curator', 'pusher.txt', resolve('/data/reviews.csv')]
    expect(filesFromArgv(argv, packaged)).toEqual([
      join(cwd, 'pusher.txt'),
      resolve('/data/reviews.csv'),
    ])
  })

  it('skips the app folder when started as `electron <app>`', () => {
    const argv = ['/x/electron', '--no-sandbox', '/repo', 'pusher.txt']
    expect(filesFromArgv(argv, { ...packaged, defaultApp: true })).toEqual([
      join(cwd, 'pusher.txt'),
    ])
  })

  it('skips switches, and the folder after --library', () => {
    const argv = [
      'review-curator',
      '--library',
      resolve('/data/reviews.csv'),
      '--allow-file-access-from-files',
      '--original-process-start-time=1',
      'pusher.txt',
    ]
    expect(filesFromArgv(argv, packaged)).toEqual([join(cwd, 'pusher.txt')])
  })

  it('reads file:// URIs, as a Linux desktop entry passes them', () => {
    const uri = pathToFileURL(resolve('/data/my reviews.json')).href
    expect(filesFromArgv(['review-curator', uri], packaged)).toEqual([
      resolve('/data/my reviews.json'),
    ])
  })

  it('ignores what is not an existing file, other URLs, and repeats', () => {
    const argv = [
      'review-curator',
      'missing.txt',
      'https://example.org/x',
      'pusher.txt',
      'pusher.txt',
    ]
    expect(filesFromArgv(argv, packaged)).toEqual([join(cwd, 'pusher.txt')])
  })
})

describe('OpenedFiles', () => {
  it('holds files until taken, once each, and is empty after', () => {
    const opened = new OpenedFiles()
    expect(opened.add(['/a', '/b'])).toBe(true)
    expect(opened.add(['/a'])).toBe(false)
    expect(opened.size).toBe(2)
    expect(opened.take()).toEqual(['/a', '/b'])
    expect(opened.take()).toEqual([])
  })
})
