import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { setBylineCorrection } from '../../../electron/app/commands/curate'
import { libraryInfo } from '../../../electron/domain/queries/library-info'
import { referenceLibrary } from '../support/reference-library'

let library: Library
let cleanup: () => Promise<void>
beforeAll(async () => void ({ library, cleanup } = await referenceLibrary()))
afterAll(async () => {
  await library.close()
  await cleanup()
})

describe('library info', () => {
  it('counts the ambiguous bylines the user has not settled (the first-run hint)', async () => {
    const ambiguous = [...library.allReviews()].filter((r) => r.bylineAmbiguous)
    expect(ambiguous.length).toBeGreaterThan(1)
    expect(libraryInfo(library).ambiguousBylines).toBe(ambiguous.length)
    const first = ambiguous[0]!
    await setBylineCorrection(library, first.id, first.bylineAlternatives.at(-1)!)
    expect(libraryInfo(library).ambiguousBylines).toBe(ambiguous.length - 1)
    await setBylineCorrection(library, first.id, null)
    expect(libraryInfo(library).ambiguousBylines).toBe(ambiguous.length)
  })
})
