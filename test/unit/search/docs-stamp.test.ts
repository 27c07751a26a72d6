import { describe, expect, it } from 'vitest'
import { docsStamp } from '../../../electron/domain/search/build-index'

describe('the documents stamp', () => {
  const docs = Array.from({ length: 50 }, (_, i) => ({
    id: `rv_${i.toString(36)}`,
    title: 'x'.repeat(i % 7),
    author: 'a'.repeat(i % 3),
    body: 'b'.repeat(i * 3),
  }))

  it('is the same for the same documents, and changes with ids, lengths and order', () => {
    const stamp = docsStamp(docs)
    expect(docsStamp(docs.map((d) => ({ ...d })))).toBe(stamp)
    const variants = [
      docs.map((d, i) => (i === 20 ? { ...d, id: `${d.id}x` } : d)),
      docs.map((d, i) => (i === 20 ? { ...d, title: `${d.title}x` } : d)),
      docs.map((d, i) => (i === 20 ? { ...d, author: `${d.author}x` } : d)),
      docs.map((d, i) => (i === 20 ? { ...d, body: `${d.body}x` } : d)),
      [docs[1]!, docs[0]!, ...docs.slice(2)],
      docs.slice(1),
    ]
    const stamps = new Set([stamp, ...variants.map((v) => docsStamp(v))])
    expect(stamps.size).toBe(variants.length + 1)
  })

  it("takes the bodies' lengths from elsewhere before the bodies are read (a staged open)", () => {
    const listed = docs.map((d) => ({ ...d, body: '' }))
    expect(docsStamp(listed, (o) => docs[o]!.body.length)).toBe(docsStamp(docs))
    expect(docsStamp(listed)).not.toBe(docsStamp(docs))
  })
})
