import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../shared/contract'
import { BadInputError } from '../../../electron/domain/errors'
import { dispatch, type Handlers } from '../../../electron/app/dispatch'
import { checkExternalUrl } from '../../../electron/main/external-url'
import { isOwnPage } from '../../../electron/main/own-page'

// A handler table that records what reached it: validation must stop bad requests before this.
function recording(): { handlers: Handlers; calls: unknown[] } {
  const calls: unknown[] = []
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      (req: unknown) => {
        calls.push(req)
        if (c === 'import:preview') throw new BadInputError('x.txt is empty')
        if (c === 'reviews:get') throw new Error('disk on fire')
        return { echoed: req }
      },
    ]),
  ) as unknown as Handlers
  return { handlers, calls }
}

const ID = 'rv_0123456789abcdef'

describe('dispatch validates every request against the contract', () => {
  const bad: [string, unknown, RegExp][] = [
    ['reviews:query', { query: {}, offset: -1, limit: 10 }, /^reviews:query: offset: /],
    [
      'reviews:query',
      { query: { sort: { field: 'votes', dir: 'up' } }, offset: 0, limit: 10 },
      /query\.sort\.field/,
    ],
    [
      'reviews:query',
      { query: { rating: { min: 0 } }, offset: 0, limit: 10 },
      /query\.rating\.min/,
    ],
    ['curation:tag', { ids: [], tags: ['a'] }, /ids: /],
    ['curation:tag', { ids: ['../../etc/passwd'], tags: ['a'] }, /expected a review id/],
    ['curation:tag', { ids: [ID], tags: ['   '] }, /a tag needs a name/],
    ['curation:rate', { ids: [ID], rating: 11 }, /rating/],
    ['curation:rate', { ids: [ID], rating: 2.5 }, /rating/],
    ['curation:note', { id: ID, note: 5 }, /note/],
    ['curation:note', { id: ID, note: 'x', extra: true }, /extra/],
    ['export:save', { format: 'xlsx', query: {} }, /format/],
    ['app:open-external', { url: 'not a url' }, /url/],
    ['import:preview', 'a string', /expected object/],
    ['import:preview', { source: { kind: 'path', path: '/etc/passwd' } }, /source/],
  ]
  for (const [channel, req, message] of bad) {
    it(`rejects ${channel} ${JSON.stringify(req)} with a typed error and never calls the handler`, async () => {
      const { handlers, calls } = recording()
      const result = await dispatch(handlers, channel, req)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('invalid-request')
      expect(result.error.message).toMatch(message)
      expect(calls).toEqual([])
    })
  }

  it('rejects an unknown channel', async () => {
    const result = await dispatch(recording().handlers, 'fs:readFile', { path: '/etc/passwd' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Unknown channel "fs:readFile"' },
    })
  })

  it('passes a valid request (with defaults trimmed) to the handler', async () => {
    const { handlers, calls } = recording()
    const result = await dispatch(handlers, 'curation:tag', { ids: [ID], tags: ['  acting '] })
    expect(result).toEqual({ ok: true, value: { echoed: { ids: [ID], tags: ['acting'] } } })
    expect(calls).toHaveLength(1)
  })

  it('turns a user-facing error into its code and an unexpected one into internal', async () => {
    const { handlers } = recording()
    const text = { kind: 'text', fileName: 'x.txt', content: '' }
    expect(await dispatch(handlers, 'import:preview', { source: text })).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'x.txt is empty' },
    })
    const crash = await dispatch(handlers, 'reviews:get', { id: ID })
    expect(crash).toEqual({
      ok: false,
      error: { code: 'internal', message: 'reviews:get failed: disk on fire' },
    })
  })
})

describe('external links', () => {
  it('opens only plain https links', () => {
    expect(checkExternalUrl('https://www.imdb.com/title/tt0396184/')).toBe(true)
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://u:p@x.com',
      'nope',
    ]) {
      expect(checkExternalUrl(url), url).toBe(false)
    }
  })
})

describe('IPC sender check', () => {
  const app = 'file:///opt/Review%20Curator/resources/app.asar/out/renderer/index.html'
  it('accepts only the page the app loaded', () => {
    expect(isOwnPage(app, app)).toBe(true)
    expect(isOwnPage(`${app}#/review`, app)).toBe(true)
    expect(isOwnPage('file:///tmp/evil.html', app)).toBe(false)
    expect(isOwnPage('https://example.com/index.html', app)).toBe(false)
    expect(isOwnPage(undefined, app)).toBe(false)
    expect(isOwnPage('http://localhost:5173/', 'http://localhost:5173/')).toBe(true)
    expect(isOwnPage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
  })
})
