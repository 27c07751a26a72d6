// The bench's export section: 100,000 reviews to JSON and to CSV, streamed (ours) against the
// naive whole-string-then-write baseline, each in its own process so the memory figure is the
// export's own growth. Targets: under 2 s, under 100 MB of growth.

import { execFile } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { ensureLibrary } from './make-library'
import type { BenchSection } from './sections'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./measure-export.ts', import.meta.url))

export interface ExportFigure {
  format: 'json' | 'csv'
  reviews: number
  ms: number
  growthMb: number
  bytes: number
  baseline: { ms: number; growthMb: number }
  /** How many times faster than the baseline. */
  speedup: number
}

interface ChildFigure {
  count: number
  ms: number
  growthMb: number
}

async function measure(
  dir: string,
  format: string,
  kind: string,
  out: string,
): Promise<ChildFigure> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', CHILD, dir, format, kind, out],
    { maxBuffer: 1 << 20 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildFigure
}

/** Measures both formats and prints one line per format; returns the figures for `--json`. */
export async function benchExport(
  options: { size?: number; dir?: string; log?: (line: string) => void } = {},
): Promise<ExportFigure[]> {
  const size = options.size ?? 100_000
  const log = options.log ?? ((line: string) => console.log(line))
  const dir = options.dir ?? (await ensureLibrary(size, undefined, log)).dir
  const outDir = await mkdtemp(join(tmpdir(), 'curator-bench-export-'))
  const figures: ExportFigure[] = []
  try {
    for (const format of ['json', 'csv'] as const) {
      const out = join(outDir, `export.${format}`)
      const ours = await measure(dir, format, 'ours', out)
      const bytes = (await stat(out)).size
      const naive = await measure(dir, format, 'naive', join(outDir, `naive.${format}`))
      const figure: ExportFigure = {
        format,
        reviews: ours.count,
        ms: ours.ms,
        growthMb: ours.growthMb,
        bytes,
        baseline: { ms: naive.ms, growthMb: naive.growthMb },
        speedup: Math.round((naive.ms / ours.ms) * 100) / 100,
      }
      figures.push(figure)
      const ok = figure.ms < 2000 && figure.growthMb < 100 ? 'ok' : 'MISSED'
      log(
        `export ${format}: ${figure.reviews} reviews, ${(bytes / 1048576).toFixed(0)} MB in ${figure.ms} ms, ` +
          `memory +${figure.growthMb} MB (target < 2000 ms, < 100 MB: ${ok}); naive baseline ` +
          `${naive.ms} ms, +${naive.growthMb} MB: ${figure.speedup}x the speed, ` +
          `${Math.round((naive.growthMb / Math.max(1, figure.growthMb)) * 10) / 10}x less memory`,
      )
    }
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
  return figures
}

/** `npm run bench` section: the largest library of the run (the export only reads it). */
export const exportSection: BenchSection = {
  name: 'export',
  async run(context) {
    const size = Math.max(...context.sizes)
    const lines: string[] = []
    const figures = await benchExport({
      size,
      dir: context.libraryDir(size),
      log: (line) => {
        lines.push(line)
        context.log(line)
      },
    })
    return { result: { reviews: size, formats: figures }, summary: lines }
  },
}

// Run alone: npx tsx test/bench/export.ts [size]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void benchExport({ size: Number(process.argv[2]) || undefined })
}
