/** A date and time in the site's time zone, named: "29 Nov 2026, 14:05 (Europe/Paris)". */
export function formatInZone(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
  return `${text} (${timeZone})`
}
