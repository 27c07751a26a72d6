/** "Pusher II (2004)", or the bare title when the year is unknown: how a work is named everywhere. */
export function workLabel(work: { title: string; year: number | null }): string {
  return work.year === null ? work.title : `${work.title} (${work.year})`
}
