// Reads the corpus under test/fixtures/corpus: every page with its golden file.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ExpectedPage } from './expected'

export const CORPUS_ROOT = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))

export interface CorpusPage {
  family: string
  name: string
  text: string
  expected: ExpectedPage
}

export function corpusPages(): CorpusPage[] {
  return readdirSync(CORPUS_ROOT)
    .sort()
    .flatMap((family) =>
      readdirSync(`${CORPUS_ROOT}${family}`)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((file) => {
          const name = file.replace(/\.txt$/, '')
          const base = `${CORPUS_ROOT}${family}/${name}`
          return {
            family,
            name,
            text: readFileSync(`${base}.txt`, 'utf8'),
            expected: JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as ExpectedPage,
          }
        }),
    )
}
