import { unstable_cache } from 'next/cache'
import type { Payload } from 'payload'

import { TAGS } from './cacheTags'
import { payload } from './payload'
import { escapeXml } from './rss'
import { readPoolOf, publishedSql } from './sql'

/** RSS 2.0 of the latest approved comments: site-wide (/comments.xml) or one article's. */
export const COMMENT_FEED_SIZE = 20

export type FeedComment = {
  id: number
  body: string
  author_name: string | null
  created_at: Date | string
  title: string
  slug: string
}

/** The latest approved comments on published articles, newest first: one indexed query. */
export async function findFeedComments(client: Payload, articleId: number | null): Promise<FeedComment[]> {
  const { rows } = await readPoolOf(client).query<FeedComment>(
    `select c.id, c.body, c.author_name, c.created_at, a.title, a.slug
     from comments c join articles a on a.id = c.article_id
     where c.status = 'approved' and ${publishedSql('a')} and ($1::int is null or c.article_id = $1)
     order by c.created_at desc, c.id desc
     limit $2`,
    [articleId, COMMENT_FEED_SIZE],
  )
  return rows
}

export const getSiteCommentFeed = () =>
  unstable_cache(async () => findFeedComments(await payload(), null), ['comment-feed'], {
    tags: [TAGS.commentFeed, TAGS.articles, TAGS.allComments],
  })()

export const getArticleCommentFeed = (articleId: number) =>
  unstable_cache(async () => findFeedComments(await payload(), articleId), ['comment-feed', String(articleId)], {
    tags: [TAGS.comments(articleId), TAGS.articles, TAGS.allComments],
  })()

type Channel = { title: string; description: string; link: string; selfUrl: string; serverUrl: string }

export function renderCommentRss(channel: Channel, comments: FeedComment[]): string {
  const items = comments
    .map((c) =>
      [
        '    <item>',
        `      <title>${escapeXml(`${c.author_name || 'A reader'} on “${c.title}”`)}</title>`,
        `      <link>${escapeXml(`${channel.serverUrl}/comments/${c.id}`)}</link>`,
        `      <guid isPermaLink="false">byline-comment-${c.id}</guid>`,
        `      <pubDate>${new Date(c.created_at).toUTCString()}</pubDate>`,
        `      <dc:creator>${escapeXml(c.author_name || 'A reader')}</dc:creator>`,
        `      <description>${escapeXml(c.body)}</description>`,
        '    </item>',
      ].join('\n'),
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>${escapeXml(channel.description)}</description>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`
}
