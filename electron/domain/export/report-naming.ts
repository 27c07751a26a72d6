import type { Work } from '../../../shared/domain'
import { workLabel } from '../../../shared/work-label'
import type { ScopeSubject } from './select'

// A report is handed to an editor, so its title and its file say what it holds: the work and the
// set ("Pusher II (2004): 12 kept reviews", "Pusher II (2004) - kept reviews.html"), never
// "The current list".

const reviews = (n: number) => (n === 1 ? '1 review' : `${n} reviews`)

function worksPart(works: readonly Work[]): string {
  if (works.length === 1) return workLabel(works[0]!) || 'Untitled work'
  if (works.length === 0) return 'No reviews'
  return `${works.length} works`
}

function countPart(subject: ScopeSubject | undefined, count: number): string {
  switch (subject?.kind) {
    case 'kept':
      return count === 1 ? '1 kept review' : `${count} kept reviews`
    case 'reviewed':
      return count === 1 ? '1 reviewed review' : `${count} reviewed reviews`
    case 'selection':
      return count === 1 ? '1 selected review' : `${count} selected reviews`
    case 'tag':
      return `${reviews(count)} tagged “${subject.name ?? ''}”`
    case 'view':
      return `${reviews(count)} from “${subject.name ?? ''}”`
    case 'collection':
      return `${reviews(count)} in “${subject.name ?? ''}”`
    default:
      return reviews(count)
  }
}

/** The report's default title: the work (or how many works) and the set with its count. */
export function defaultReportTitle(
  works: readonly Work[],
  subject: ScopeSubject | undefined,
  count: number,
): string {
  return `${worksPart(works)}: ${countPart(subject, count)}`
}

function setPart(subject: ScopeSubject | undefined): string {
  switch (subject?.kind) {
    case 'kept':
      return 'kept reviews'
    case 'reviewed':
      return 'reviewed reviews'
    case 'selection':
      return 'selected reviews'
    case 'tag':
      return `tag ${subject.name ?? ''}`
    case 'view':
      return `view ${subject.name ?? ''}`
    case 'collection':
      return subject.name ?? 'collection'
    case 'library':
      return 'all reviews'
    default:
      return 'reviews'
  }
}

// Characters no Windows, macOS or Linux file name may hold (plus controls), and the device names
// Windows reserves whatever the extension.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i
const MAX_BASE = 120

/** A base name any of the three systems accepts: forbidden characters go, no trailing dot. */
export function safeFileBase(text: string): string {
  let base = text.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim()
  if (base.length > MAX_BASE) base = base.slice(0, MAX_BASE).trim()
  base = base.replace(/[. ]+$/, '').replace(/^[. ]+/, '')
  if (!base) return 'reviews'
  return RESERVED.test(base) ? `${base} reviews` : base
}

/** "Pusher II (2004) - kept reviews.html": the work and the set, safe on every desktop OS. */
export function exportFileName(
  works: readonly Work[],
  subject: ScopeSubject | undefined,
  extension: string,
): string {
  const who =
    works.length === 1 ? workLabel(works[0]!) : works.length > 1 ? `${works.length} works` : ''
  const base = safeFileBase(who ? `${who} - ${setPart(subject)}` : setPart(subject))
  return `${base}.${extension}`
}
