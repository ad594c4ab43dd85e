/**
 * Every cache tag the site uses, in one place. Pages tag what they read; hooks revalidate tags.
 */
export const TAGS = {
  /** Any list of articles: home, category pages, feed, sitemap, "Read more" fallbacks. */
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  categories: 'categories',
  category: (slug: string) => `category:${slug}`,
  redirects: 'redirects',
  /** Any list of pages (the sitemap). */
  pages: 'pages',
  page: (path: string) => `page:${path}`,
  /** The approved comments (list and count) under one article. */
  comments: (articleId: number | string) => `comments:${articleId}`,
  /** Every comment section: discussion settings changed. */
  allComments: 'comments',
  discussion: 'discussion',
} as const
