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
  /** An author's page (profile and article list); the list also expires with `articles`. */
  author: (slug: string) => `author:${slug}`,
  /** Any list of authors (the sitemap). */
  authors: 'authors',
  /** Any list of pages (the sitemap). */
  pages: 'pages',
  page: (path: string) => `page:${path}`,
  /** The approved comments (list and count) under one article. */
  comments: (articleId: number | string) => `comments:${articleId}`,
  /** The site-wide feed of the latest approved comments. */
  commentFeed: 'comment-feed',
  /** Every comment section: discussion settings changed. */
  allComments: 'comments',
  discussion: 'discussion',
  /** The Site global: header sections, footer links, logo, default image, icon (every page). */
  site: 'site',
} as const
