// npm run bench [-- --json] [-- --sizes=10000,100000] [-- --no-sections | --sections=a,b] [-- --no-peer]
//
// For each library size: time to open the library ready to query (first page of the default
// view), full-text + filter + sort query latency (first 100 rows, a fixed varied query set,
// uncached), durable curation-edit latency, select all + tag and its undo (measure-bulk.ts), and
// peak main-process memory; then the same on a naive baseline (one lowdb file, linear scans) in
// the same run, and the ratios. Each measurement runs
// in its own child process so memory figures are not polluted. Libraries come from a seeded
// generator (test/bench/generate.ts) and are cached in the OS temp folder. The SQLite FTS5 peer
// (peer-sqlite.ts) is measured on the largest size, beside our figures. Extra sections
// (the renderer, and whatever test/bench/sections.ts lists) run last.
//
// `--json` prints exactly one JSON object on stdout; everything else goes to stderr.

import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureLibrary, type BenchLibrary } from './make-library'
import { describePeer, measurePeer, type PeerFigures } from './peer-section'
import { BENCH_SECTIONS } from './sections'

const ROOT = resolve(import.meta.dirname, '../..')
const args = process.argv.slice(2)
const json = args.includes('--json')
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000,100000')
  .split(',')
  .map(Number)
const log = (message: string) => process.stderr.write(`${message}\n`)

type Figures = Record<string, unknown> & {
  openMs: number
  queryP50Ms: number
  queryP95Ms: number
  editP50Ms: number
  editP95Ms: number
  rssMb: number
}

/** Runs a bench script in a fresh Node (through tsx) and returns the JSON line it prints. */
function runChild(script: string, childArgs: string[]): Promise<Figures> {
  return new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/bench', script), ...childArgs],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n'))
        if (line.trim() && !line.includes('npm warn')) log(`  ${line}`)
    })
    child.on('error', fail)
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !line.startsWith('{'))
        fail(new Error(`${script} exited with ${code}: ${out.slice(-500)}`))
      else ok(JSON.parse(line) as Figures)
    })
  })
}

/** Report lines, also logged as soon as they are known: a long run stopped early keeps them. */
const logged = (lines: string[]) => {
  for (const line of lines) log(`= ${line}`)
  return lines
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(1))

const met = (value: number, target: number) =>
  `target ≤ ${target}: ${value <= target ? 'met' : 'missed'}`

interface Memory {
  indexMb: number
  /** The index per structure (see TextIndex.stats), in MB. */
  indexPartsMb?: Record<string, number>
  listColumnsMb: number
  reviewTextMb: number
  heapUsedMb: number
}

function describe(size: number, run: Figures, base: Figures): string[] {
  const big = size >= 100_000
  const mem = run.memory as Memory
  const cold = run.coldOpen as { openMs: number; searchReadyMs: number; rssMb: number } | undefined
  const bulk = run.bulk as
    | Record<'bulkTagMs' | 'bulkUndoMs' | 'bulkTagCpuMs' | 'bulkUndoCpuMs' | 'loadAverage', number>
    | undefined
  return [
    `${size} reviews:`,
    `  open ${run.openMs} ms (baseline ${base.openMs} ms, ${ratio(base.openMs, run.openMs)}x; ${met(run.openMs, big ? 500 : 150)}); first full-text answer ${run.firstTextQueryMs} ms after start`,
    `  ${run.staged ? 'staged open (rows from the list cache)' : 'full open (no list cache)'}: all review text loaded ${run.bodiesMs} ms after start`,
    `  exact search ready ${run.searchReadyMs} ms after start, index ${run.indexOrigin === 'cache' ? 'read from its cache file' : 'built'} (${met(run.searchReadyMs as number, 1000)})`,
    ...(cold
      ? [
          `  first open (no index cache yet): open ${cold.openMs} ms, exact search ready ${cold.searchReadyMs} ms, ${cold.rssMb} MB peak RSS`,
        ]
      : []),
    `  query p50 ${run.queryP50Ms} ms, p95 ${run.queryP95Ms} ms (baseline p50 ${base.queryP50Ms}, p95 ${base.queryP95Ms} ms; p95 ${ratio(base.queryP95Ms, run.queryP95Ms)}x faster; ${met(run.queryP95Ms, 20)})`,
    `  edit p50 ${run.editP50Ms} ms, p95 ${run.editP95Ms} ms (baseline p50 ${base.editP50Ms}, p95 ${base.editP95Ms} ms; p95 ${ratio(base.editP95Ms, run.editP95Ms)}x faster; ${met(run.editP95Ms, 5)})`,
    ...(bulk
      ? [
          `  select all + tag ${bulk.bulkTagMs} ms (${met(bulk.bulkTagMs, 1000)}), its undo ${bulk.bulkUndoMs} ms (${met(bulk.bulkUndoMs, 1000)}); main thread CPU ${bulk.bulkTagCpuMs} and ${bulk.bulkUndoCpuMs} ms; load average ${bulk.loadAverage}`,
        ]
      : []),
    `  memory ${run.rssMb} MB peak RSS (baseline ${base.rssMb} MB; ${met(run.rssMb, 500)}); index ${mem.indexMb} MB, list columns ${mem.listColumnsMb} MB, review text ${mem.reviewTextMb} MB, JS heap ${mem.heapUsedMb} MB`,
    ...(mem.indexPartsMb
      ? [
          `  index ${mem.indexMb} MB: ${Object.entries(mem.indexPartsMb)
            .map(([part, mb]) => `${part} ${mb}`)
            .join(
              ', ',
            )} (MB); its cache file ${run.indexFileMb} MB, read and checked in ${run.indexLoadMs} ms`,
        ]
      : []),
  ]
}

async function main(): Promise<void> {
  const started = performance.now()
  const libraries = new Map<number, BenchLibrary>()
  for (const size of sizes) libraries.set(size, await ensureLibrary(size, undefined, log))
  const runs: Record<string, unknown>[] = []
  const report: string[] = []
  for (const size of sizes) {
    const lib = libraries.get(size)!
    log(`${size} reviews: measuring the app's store and search engine`)
    const load = loadavg()[0]!
    let run = await runChild('measure-engine.ts', [lib.dir])
    if (run.indexOrigin !== 'cache' || run.staged !== true) {
      // That open built the index or the list cache and wrote them; the next open is the usual one.
      const cold = run
      log(`${size} reviews: measuring again, with the index cache the first run wrote`)
      run = await runChild('measure-engine.ts', [lib.dir])
      run.coldOpen = {
        openMs: cold.openMs,
        searchReadyMs: cold.searchReadyMs,
        rssMb: cold.rssMb,
      }
    }
    log(`${size} reviews: measuring the naive baseline`)
    const base = await runChild('measure-baseline.ts', [
      lib.baselineFile,
      size >= 100_000 ? '8' : '20',
    ])
    log(`${size} reviews: select all + tag, and its undo`)
    const bulkLoad = loadavg()[0]!
    const bulk = await runChild('measure-bulk.ts', [lib.dir])
    run.bulk = { ...bulk, loadAverage: Number(bulkLoad.toFixed(2)) }
    const ratios = {
      open: ratio(base.openMs, run.openMs),
      queryP95: ratio(base.queryP95Ms, run.queryP95Ms),
      editP95: ratio(base.editP95Ms, run.editP95Ms),
    }
    runs.push({
      ...run,
      reviews: size,
      loadAverage: Number(load.toFixed(2)),
      baseline: base,
      ratios,
    })
    report.push(...logged(describe(size, run, base)))
  }
  const output: Record<string, unknown> = { runs }
  const largest = Math.max(...sizes)
  if (!args.includes('--no-peer')) {
    log(`${largest} reviews: measuring the SQLite FTS5 peer`)
    const ours = runs.find((r) => r.reviews === largest) as unknown as Figures
    try {
      const peer: PeerFigures = await measurePeer(
        libraries.get(largest)!.baselineFile,
        { ...ours, queryTotals: ours.queryTotals as number[] },
        runChild,
      )
      output.peer = peer
      report.push(
        ...logged(describePeer(peer, { ...ours, queryTotals: ours.queryTotals as number[] })),
      )
    } catch (e) {
      let message = e instanceof Error ? e.message : String(e)
      // npm 11 skips install scripts, so a fresh `npm ci` leaves the native module unbuilt.
      if (/bindings|better_sqlite3\.node|NODE_MODULE_VERSION/.test(message))
        message = `better-sqlite3's native module is not built here; run \`npm rebuild better-sqlite3\` (needs a C++ toolchain) and bench again`
      output.peer = { error: message }
      report.push(`peer: failed: ${message}`)
    }
  }
  // --sections=render,interaction runs only those (a long run on a busy machine).
  const only = args
    .find((a) => a.startsWith('--sections='))
    ?.slice(11)
    .split(',')
  const sections = BENCH_SECTIONS.filter((section) => !only || only.includes(section.name))
  for (const section of args.includes('--no-sections') ? [] : sections) {
    log(`section ${section.name}`)
    try {
      const { result, summary } = await section.run({
        sizes,
        libraryDir: (size) => libraries.get(size)!.dir,
        baselineFile: (size) => libraries.get(size)!.baselineFile,
        log,
      })
      output[section.name] = result
      report.push(...logged(summary))
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      output[section.name] = { error: message }
      report.push(`${section.name}: failed: ${message}`)
    }
  }
  // The issue's interaction figures include the scroll's long tasks, measured by the render section.
  const render = output.render as { scrollLongTasks?: number } | undefined
  const interaction = output.interaction as Record<string, unknown> | undefined
  if (interaction && render?.scrollLongTasks !== undefined)
    interaction.scrollLongTasks = render.scrollLongTasks
  output.totalSeconds = Math.round((performance.now() - started) / 1000)
  output.machine = {
    cpus: (await import('node:os')).cpus().length,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  }
  if (json) process.stdout.write(`${JSON.stringify(output)}\n`)
  else process.stdout.write(`${report.join('\n')}\n`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
