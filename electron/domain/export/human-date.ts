// Reports are read by people: "2 December 2026", not "2026-12-02". The machine formats (CSV,
// JSON) keep ISO dates. The locale is a parameter so a test gets the same words on any machine.

export const DEFAULT_REPORT_LOCALE = 'en-GB'

const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(locale: string): Intl.DateTimeFormat {
  let f = formats.get(locale)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    } catch {
      f = formatFor(DEFAULT_REPORT_LOCALE)
    }
    formats.set(locale, f)
  }
  return f
}

/** An ISO day or timestamp in words; anything that is not an ISO date is returned unchanged. */
export function humanDate(iso: string, locale: string = DEFAULT_REPORT_LOCALE): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso)
  if (!m) return iso
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (Number.isNaN(time)) return iso
  return formatFor(locale).format(new Date(time))
}
