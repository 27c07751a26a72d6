// Child process of the bench: the SQLite FTS5 peer (what Tropy-style apps use) on the same
// generated reviews and the same query set (peer-queries.ts), through better-sqlite3 in WAL mode
// with synchronous=FULL, so its edits are as durable as ours.
//   tsx test/bench/peer-sqlite.ts build <baseline.json> <db file>   → {"buildMs": …}
//   tsx test/bench/peer-sqlite.ts measure <db file>                 → open, query, edit, memory
// Building and measuring are separate processes so the build's memory does not count as the peer's.

import Database from 'better-sqlite3'
import { readFile } from 'node:fs/promises'
import { prng } from './generate'
import type { BaselineData } from './make-library'
import { PEER_QUERIES, type PeerQuery } from './peer-queries'
import { percentile, round, rssSampler } from './queries'

const ROUNDS = 10
const EDITS = 60

function pragmas(db: Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
}

async function build(source: string, file: string): Promise<void> {
  const start = performance.now()
  const data = JSON.parse(await readFile(source, 'utf8')) as BaselineData
  const db = new Database(file)
  pragmas(db)
  db.exec(`
    CREATE TABLE r (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, work_id TEXT,
      work_title TEXT, title TEXT, author TEXT, date TEXT, rating INTEGER, votes INTEGER,
      ratio REAL, spoiler INTEGER, length INTEGER, body TEXT);
    CREATE TABLE c (rowid INTEGER PRIMARY KEY, note TEXT, my_rating INTEGER, kept INTEGER,
      byline_author TEXT);
    CREATE TABLE tags (review INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (review, tag));
    CREATE INDEX tags_tag ON tags (tag);
    CREATE INDEX r_date ON r (date);
    CREATE VIRTUAL TABLE fts USING fts5 (title, author, body, note,
      tokenize = 'unicode61 remove_diacritics 2');
  `)
  const works = new Map(data.works.map((w) => [w.id, w.title]))
  const addReview = db.prepare('INSERT INTO r VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const addText = db.prepare(
    'INSERT INTO fts (rowid, title, author, body, note) VALUES (?, ?, ?, ?, ?)',
  )
  const addCuration = db.prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?)')
  const addTag = db.prepare('INSERT OR IGNORE INTO tags VALUES (?, ?)')
  db.transaction(() => {
    data.reviews.forEach((v, i) => {
      const rowid = i + 1
      const c = data.curation[v.id]
      const h = v.helpful
      addReview.run(
        rowid,
        v.id,
        v.workId,
        works.get(v.workId) ?? '',
        v.title,
        v.author,
        v.date,
        v.rating,
        h ? h.yes : null,
        h && h.total > 0 ? h.yes / h.total : null,
        v.spoiler ? 1 : 0,
        v.body.length,
        v.body,
      )
      addText.run(rowid, v.title, v.author, v.body, c?.note ?? null)
      if (!c) return
      addCuration.run(rowid, c.note, c.myRating, c.kept ? 1 : 0, c.bylineCorrection?.author ?? null)
      for (const tag of c.tags) addTag.run(rowid, tag.toLowerCase())
    })
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  process.stdout.write(`${JSON.stringify({ buildMs: round(performance.now() - start, 0) })}\n`)
}

function sql(q: PeerQuery, count: boolean): string {
  const where = [
    q.match ? 'r.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)' : '',
    q.where ?? '',
  ]
    .filter(Boolean)
    .join(' AND ')
  const from = 'FROM r LEFT JOIN c ON c.rowid = r.rowid'
  const filter = where ? ` WHERE ${where}` : ''
  if (count) return `SELECT count(*) AS n ${from}${filter}`
  const order = q.order ? `${q.order}, r.rowid` : 'r.rowid'
  return `SELECT r.id, r.title, r.author, r.date, r.rating, c.my_rating ${from}${filter} ORDER BY ${order} LIMIT 100`
}

/** Total and first page of one query, as the app's list asks them. */
function ask(db: Database, q: PeerQuery): number {
  const params = q.match ? [q.match] : []
  const { n } = db.prepare(sql(q, true)).get(...params) as { n: number }
  db.prepare(sql(q, false)).all(...params)
  return n
}

function measure(file: string): void {
  const rss = rssSampler()
  const start = performance.now()
  const db = new Database(file)
  pragmas(db)
  ask(db, { order: 'r.date IS NULL, r.date DESC' })
  const openMs = performance.now() - start

  const times: number[] = []
  const totals: number[] = []
  for (const q of PEER_QUERIES) totals.push(ask(db, q))
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of PEER_QUERIES) {
      const t = performance.now()
      ask(db, q)
      times.push(performance.now() - t)
    }
  }

  // The same mix of durable edits as the app's: my rating, a tag toggled, a note (re-indexed).
  const count = (db.prepare('SELECT count(*) AS n FROM r').get() as { n: number }).n
  const rand = prng(42)
  const ensure = db.prepare('INSERT OR IGNORE INTO c (rowid, kept) VALUES (?, 0)')
  const rate = db.prepare(
    'UPDATE c SET my_rating = coalesce(my_rating, 0) % 10 + 1 WHERE rowid = ?',
  )
  const hasTag = db.prepare("SELECT 1 FROM tags WHERE review = ? AND tag = 'bench-edit'")
  const addTag = db.prepare("INSERT INTO tags VALUES (?, 'bench-edit')")
  const dropTag = db.prepare("DELETE FROM tags WHERE review = ? AND tag = 'bench-edit'")
  const note = db.prepare('UPDATE c SET note = ? WHERE rowid = ?')
  const noteText = db.prepare('UPDATE fts SET note = ? WHERE rowid = ?')
  const edits: number[] = []
  for (let i = 0; i < EDITS; i++) {
    const rowid = 1 + Math.floor(rand() * count)
    const t = performance.now()
    db.transaction(() => {
      ensure.run(rowid)
      if (i % 3 === 0) rate.run(rowid)
      else if (i % 3 === 1) (hasTag.get(rowid) ? dropTag : addTag).run(rowid)
      else {
        const text = `bench note ${Date.now()} ${i}`
        note.run(text, rowid)
        noteText.run(text, rowid)
      }
    })()
    edits.push(performance.now() - t)
  }
  db.close()
  rss.stop()
  const out = {
    name: 'sqlite-fts5',
    reviews: count,
    openMs: round(openMs, 1),
    queryP50Ms: round(percentile(times, 50)),
    queryP95Ms: round(percentile(times, 95)),
    queryTotals: totals,
    editP50Ms: round(percentile(edits, 50)),
    editP95Ms: round(percentile(edits, 95)),
    rssMb: round(rss.peakMb(), 0),
  }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

const [mode, a, b] = process.argv.slice(2)
;(mode === 'build' ? build(a!, b!) : Promise.resolve(measure(a!))).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
