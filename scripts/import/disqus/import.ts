import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { Payload } from 'payload'

import { hashKey, truncateIp } from '@/lib/comments/identity'
import { LIMITS } from '@/lib/comments/messages'
import { normaliseRedirectPath } from '@/lib/redirectPath'
import { poolOf } from '@/lib/sql'
import { column, IMPORT_CONTEXT, importedIds, rowsOf } from '../lib/db'
import { findAdmin, recordRun } from '../lib/importRun'
import { ImportReport } from '../lib/report'
import { childText, streamRecords, type XNode } from '../lib/xmlStream'
import { commentText, plainText } from '../wordpress/content'

export type DisqusImportOptions = {
  file: string
  dryRun?: boolean
  progress?: (phase: string, done: number, total: number) => void
}

type Thread = { id: string; link: string; identifier: string; title: string }

const prefixOf = (uri: string) => (/disqus-internals/.test(uri) ? 'dsq' : '')
// disqus > (category | thread | post)
const collect = (name: string, depth: number) => depth === 2 && (name === 'thread' || name === 'post')
const isTrue = (node: XNode, name: string) => childText(node, name) === 'true'
const refOf = (node: XNode, name: string) => node.children.find((c) => c.name === name)?.attrs.id

/**
 * `npm run import:disqus`: a Disqus export → comments under the articles its threads belong to.
 * A thread is matched by its <id> when that is a WordPress post id (the WordPress plugin's
 * "123 http://…" identifiers), else by its <link> through the redirects (old permalinks) or an
 * /articles/ address. Posts become comments keyed on their Disqus id; replies find their parents
 * by Disqus id (a reply listed before its parent is linked once both exist). Spam → spam,
 * deleted → trash. Threads with no article are reported with their comment counts.
 */
export async function importDisqus(payload: Payload, options: DisqusImportOptions) {
  const report = new ImportReport()
  const progress = options.progress ?? (() => {})
  const size = fs.statSync(options.file).size
  const dryRun = Boolean(options.dryRun)

  // Pass one: the whole file is read (a malformed one fails here) and the threads are kept.
  const hash = createHash('sha256')
  const threads = new Map<string, Thread>()
  for await (const node of streamRecords(
    options.file,
    prefixOf,
    collect,
    (chunk, bytes) => (hash.update(chunk), progress('read', bytes, size)),
  )) {
    if (node.name === 'thread' && node.attrs.id)
      threads.set(node.attrs.id, {
        id: node.attrs.id,
        link: childText(node, 'link'),
        identifier: childText(node, 'id'),
        title: plainText(childText(node, 'title')),
      })
  }
  const admin = await findAdmin(payload)
  await recordRun(
    payload,
    {
      source: 'disqus',
      file: options.file,
      sha256: hash.digest('hex'),
      bytes: size,
      userId: admin?.id ?? null,
      dryRun,
      report,
    },
    async () => {
      const articleOf = await threadMatcher(payload, threads)
      const known = await importedIds(payload, 'comments', 'disqus:')
      const withoutParent = new Set(
        await column<string>(
          payload,
          `select import_id as v from comments where import_id like 'disqus:%' and parent_id is null`,
        ),
      )
      const pendingParents: [number, string][] = []
      const unmatched = new Map<string, number>()
      for await (const node of streamRecords(options.file, prefixOf, collect, (_c, bytes) =>
        progress('import', bytes, size),
      )) {
        if (node.name !== 'post' || !node.attrs.id) continue
        const key = `disqus:${node.attrs.id}`
        if (known.has(key)) {
          // A run killed before linking its replies left this one without its parent: link it now.
          const ref = refOf(node, 'parent')
          if (ref && withoutParent.has(key)) pendingParents.push([known.get(key)!, ref])
          report.count('comments', 'existing')
          continue
        }
        const threadId = refOf(node, 'thread') ?? ''
        const article = articleOf(threadId)
        if (!article) {
          unmatched.set(threadId, (unmatched.get(threadId) ?? 0) + 1)
          report.count('comments', 'skipped')
          continue
        }
        const body = commentText(childText(node, 'message'))
        if (!body) {
          report.skip('comments', key, 'empty')
          continue
        }
        const parentRef = refOf(node, 'parent')
        const parent = parentRef ? known.get(`disqus:${parentRef}`) : undefined
        const status = isTrue(node, 'isSpam')
          ? 'spam'
          : isTrue(node, 'isDeleted')
            ? 'trash'
            : childText(node, 'isApproved') === 'false'
              ? 'pending'
              : 'approved'
        const author = node.children.find((c) => c.name === 'author')
        const email = author ? childText(author, 'email').toLowerCase() : ''
        const ip = childText(node, 'ipAddress')
        const createdAt = new Date(childText(node, 'createdAt'))
        let id = -1
        if (!dryRun) {
          const doc = await payload.create({
            collection: 'comments',
            overrideAccess: true,
            context: IMPORT_CONTEXT,
            depth: 0,
            data: {
              article,
              parent,
              body: body.slice(0, LIMITS.body),
              authorName: (
                (author && (plainText(childText(author, 'name')) || childText(author, 'username'))) ||
                'Anonymous'
              ).slice(0, LIMITS.authorName),
              authorEmail:
                /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= LIMITS.authorEmail ? email : undefined,
              status,
              ip: ip ? truncateIp(ip) : undefined,
              ipHash: ip ? hashKey('ip', ip) : undefined,
              createdAt: Number.isNaN(createdAt.getTime()) ? undefined : createdAt.toISOString(),
              importId: key,
            },
          })
          id = doc.id
        }
        known.set(key, id)
        if (parentRef && !parent) pendingParents.push([id, parentRef])
        report.count('comments', 'created')
      }
      // Replies listed before their parents; a parent that never came is reported.
      for (const [id, parentRef] of pendingParents) {
        const parent = known.get(`disqus:${parentRef}`)
        if (!parent)
          report.warn(
            `comment disqus:${parentRef} (a parent) is not in the export; its reply stays at the top of the thread`,
          )
        else if (!dryRun)
          await poolOf(payload).query(`update comments set parent_id = $1 where id = $2 and parent_id is null`, [
            parent,
            id,
          ])
      }
      for (const [threadId, count] of unmatched) {
        const t = threads.get(threadId)
        report.warn(
          `thread ${threadId} ${t ? `"${t.title}" (${t.link || t.identifier})` : '(not in the export)'}: no matching article, ${count} comment(s) skipped`,
        )
      }
      report.count('threads', 'created', threads.size - unmatched.size)
      report.count('threads', 'skipped', unmatched.size)
    },
  )
  return { report }
}

/** Thread id → article id: by WordPress post id in <id>, else by <link> through redirects or /articles/<slug>. */
async function threadMatcher(payload: Payload, threads: Map<string, Thread>) {
  const byWpId = new Map(
    (
      await rowsOf<{ id: number; import_id: string }>(
        payload,
        `select id, import_id from articles where import_id like 'wp:post:%'`,
      )
    ).map((r) => [r.import_id, r.id]),
  )
  const links = [
    ...new Set([...threads.values()].map((t) => (t.link ? normaliseRedirectPath(t.link) : '')).filter(Boolean)),
  ]
  const redirects = new Map(
    (
      await rowsOf<{ from: string; article: number }>(
        payload,
        `select "from", to_article_id as article from redirects where to_type = 'article' and to_article_id is not null and "from" = any($1::text[])`,
        [links],
      )
    ).map((r) => [r.from, r.article]),
  )
  const slugs = new Map(
    (await rowsOf<{ id: number; slug: string }>(payload, `select id, slug from articles where slug is not null`)).map(
      (r) => [`/articles/${r.slug}`, r.id],
    ),
  )
  const cache = new Map<string, number | undefined>()
  return (threadId: string): number | undefined => {
    if (cache.has(threadId)) return cache.get(threadId)
    const t = threads.get(threadId)
    let id: number | undefined
    if (t) {
      const wpId = /^(\d+)(\s|$)/.exec(t.identifier)?.[1]
      const link = t.link ? normaliseRedirectPath(t.link) : ''
      id = (wpId ? byWpId.get(`wp:post:${wpId}`) : undefined) ?? redirects.get(link) ?? slugs.get(link)
    }
    cache.set(threadId, id)
    return id
  }
}
