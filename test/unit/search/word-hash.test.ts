import { describe, expect, it } from 'vitest'
import { docsStamp } from '../../../electron/domain/search/build-index'
import { wordsChecksum } from '../../../electron/domain/search/word-hash'

describe('the cache checksum', () => {
  it('changes when any one word changes, and only depends on the words', () => {
    const words = Uint32Array.from({ length: 103 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0)
    const sum = wordsChecksum(words)
    expect(wordsChecksum(words.slice())).toBe(sum)
    const seen = new Set([sum])
    for (let i = 0; i < words.length; i++) {
      for (const bit of [0, 7, 31]) {
        const changed = words.slice()
        changed[i] = changed[i]! ^ (1 << bit)
        seen.add(wordsChecksum(changed))
      }
    }
    expect(seen.size).toBe(1 + words.length * 3)
    // Two flips of the same high bit in one lane do not cancel out (they would in a plain multiply).
    const twice = words.slice()
    twice[0] = twice[0]! ^ 0x80000000
    twice[4] = twice[4]! ^ 0x80000000
    expect(wordsChecksum(twice)).not.toBe(sum)
    expect(wordsChecksum(words.subarray(0, 102))).not.toBe(sum)
  })
})

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
    const stamps = new Set([stamp, ...variants.map(docsStamp)])
    expect(stamps.size).toBe(variants.length + 1)
  })
})
