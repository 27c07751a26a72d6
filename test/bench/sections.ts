// Extra sections of `npm run bench`, after the open/query/edit runs. To add one (e.g. an export
// benchmark), write a module exporting a BenchSection and append it to BENCH_SECTIONS below.
// Its result lands in the JSON output under `name` (`{"runs": […], "render": {…}, "<name>": {…}}`)
// and each line of `summary` is printed in the human-readable report. Measure anything that
// allocates much in a child process (see bench.ts `runChild`), so sections do not pollute each
// other's memory figures. Progress goes through `log` (stderr), never stdout.

import { exportSection } from './export'
import { interactionSection } from './interaction-section'
import { renderSection } from './render-section'

export interface BenchContext {
  /** Library sizes of this run, e.g. [10000, 100000]. */
  sizes: number[]
  /** The generated library folder of a size (cached; do not modify it — copy it first). */
  libraryDir(size: number): string
  /** The naive baseline's single lowdb file of a size. */
  baselineFile(size: number): string
  log(message: string): void
}

export interface BenchSection {
  name: string
  run(context: BenchContext): Promise<{ result: Record<string, unknown>; summary: string[] }>
}

export const BENCH_SECTIONS: BenchSection[] = [renderSection, interactionSection, exportSection]
