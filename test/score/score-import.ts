// `npm run score:import`: parses every corpus page through the public API and prints, per family,
// the share of fields read exactly, reviews found against expected, and extra (invented) reviews.
// `--verbose` lists the pages that miss.
import { parseDump } from '../../electron/domain/parsers'
import { corpusPages } from './corpus'
import { actualOf, scorePage, type PageScore } from './expected'

const verbose = process.argv.includes('--verbose')
const totals = new Map<string, PageScore & { pages: number; failed: number }>()
for (const page of corpusPages()) {
  let score: PageScore
  let failed = 0
  try {
    const result = parseDump(page.text, `${page.name}.txt`)
    score = scorePage(page.expected.reviews, actualOf(result))
    if (verbose && (score.exact < score.fields || score.extra > 0)) {
      console.log(
        `${page.family}/${page.name}: ${result.detection?.family} ${JSON.stringify(score)}`,
      )
    }
  } catch (error) {
    failed = 1
    score = scorePage(page.expected.reviews, [])
    if (verbose) console.log(`${page.family}/${page.name}: ${(error as Error).message}`)
  }
  const sum = totals.get(page.family) ?? {
    fields: 0,
    exact: 0,
    expected: 0,
    found: 0,
    extra: 0,
    pages: 0,
    failed: 0,
  }
  for (const key of ['fields', 'exact', 'expected', 'found', 'extra'] as const)
    sum[key] += score[key]
  sum.pages++
  sum.failed += failed
  totals.set(page.family, sum)
}
const pct = (a: number, b: number): string => `${b === 0 ? 100 : ((100 * a) / b).toFixed(1)}%`
console.log('family                pages  fields exact  found/expected  extra  rejected')
for (const [family, s] of totals) {
  console.log(
    `${family.padEnd(22)}${String(s.pages).padStart(5)}  ${pct(s.exact, s.fields).padStart(12)}  ${`${s.found}/${s.expected}`.padStart(14)}  ${String(s.extra).padStart(5)}  ${String(s.failed).padStart(8)}`,
  )
}
