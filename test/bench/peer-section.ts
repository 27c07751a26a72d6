import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The SQLite FTS5 peer beside our figures for one library size: the peer's database is built in a
// temporary folder from the baseline's copy of the same reviews, measured in a fresh process, and
// deleted. Ratios are peer ÷ ours: above 1 we are that many times faster, below 1 the peer is.

export interface OurFigures {
  openMs: number
  queryP95Ms: number
  editP95Ms: number
  queryTotals?: number[]
}

export type RunChild = (script: string, args: string[]) => Promise<Record<string, unknown>>

export interface PeerFigures {
  name: 'sqlite-fts5'
  reviews: number
  buildMs: number
  openMs: number
  queryP50Ms: number
  queryP95Ms: number
  editP95Ms: number
  rssMb: number
  queryTotals: number[]
  ratios: { open: number; queryP95: number; editP95: number }
}

const ratio = (peer: number, ours: number) => Number((peer / ours).toFixed(2))

export async function measurePeer(
  baselineFile: string,
  ours: OurFigures,
  runChild: RunChild,
): Promise<PeerFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'review-curator-peer-'))
  try {
    const db = join(dir, 'peer.db')
    const { buildMs } = await runChild('peer-sqlite.ts', ['build', baselineFile, db])
    const peer = (await runChild('peer-sqlite.ts', ['measure', db])) as Omit<
      PeerFigures,
      'buildMs' | 'ratios'
    >
    return {
      ...peer,
      buildMs: buildMs as number,
      ratios: {
        open: ratio(peer.openMs, ours.openMs),
        queryP95: ratio(peer.queryP95Ms, ours.queryP95Ms),
        editP95: ratio(peer.editP95Ms, ours.editP95Ms),
      },
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const times = (r: number) => (r >= 1 ? `we are ${r}x faster` : `the peer is ${ratio(1, r)}x faster`)

export function describePeer(peer: PeerFigures, ours: OurFigures): string[] {
  const differing = (ours.queryTotals ?? []).filter((n, i) => n !== peer.queryTotals[i]).length
  return [
    `  peer sqlite-fts5 (WAL, synchronous=FULL), ${peer.reviews} reviews: built in ${peer.buildMs} ms; ratios are peer ÷ ours`,
    `    open ${peer.openMs} ms vs ours ${ours.openMs} ms (${times(peer.ratios.open)})`,
    `    query p50 ${peer.queryP50Ms} ms, p95 ${peer.queryP95Ms} ms vs ours p95 ${ours.queryP95Ms} ms (${times(peer.ratios.queryP95)}; target ≥ 10x: ${peer.ratios.queryP95 >= 10 ? 'met' : 'missed'})`,
    `    edit p95 ${peer.editP95Ms} ms vs ours ${ours.editP95Ms} ms (${times(peer.ratios.editP95)}; target within 5x: ${peer.ratios.editP95 >= 0.2 ? 'met' : 'missed'})`,
    `    memory ${peer.rssMb} MB peak RSS; ${differing} of ${peer.queryTotals.length} queries count differently (the cached library keeps earlier runs' edits)`,
  ]
}
