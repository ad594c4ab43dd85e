// One formatter for every date on a page: toLocaleDateString builds a new Intl formatter per
// call (about 0.1 ms), which a page with a hundred comments pays a hundred times.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export const formatDate = (iso: string) => DATE.format(new Date(iso))
