// The one address of the branded "Page not found" page (app/(frontend)/not-found-page/[variant]),
// whose body the launcher sends with Next's 404s (server/notFoundBody.mjs). The proxy answers
// any other address under /not-found-page/ 404 itself, so invented ones are never rendered or cached.
export const NOT_FOUND_PATH = '/not-found-page/site'
