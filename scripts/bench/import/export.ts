// Writes the import benchmark's synthetic WordPress export: `tsx scripts/bench/import/export.ts <file> <megabytes>`.
// Shapes from the shared fixtures and real exports: nested categories, tags, classic posts with
// [caption], links to other posts and <!--more-->, block posts, pages, threaded comments, pingbacks.
import fs from 'node:fs'

import { WXR_FOOTER, wxrHeader, wxrItem, wxrTerms, type GenComment } from '../../import/lib/generateWxr'

const [file, megabytes = '200'] = process.argv.slice(2)
const target = Number(megabytes) * 1024 * 1024
const site = 'https://old.example'
const out = fs.openSync(file, 'w')
let bytes = 0
const write = (s: string) => {
  bytes += Buffer.byteLength(s)
  fs.writeSync(out, s)
}
const words = 'the of and a to in is you that it he was for on are as with his they at be this from have or by one had not but what all were when we there can an your which their said if do will each about how up out them then she many some so these would other into has more her two like him see time could no make than first been its who now people my made over did down only way find use may water long little very after words called just where most know'.split(' ')
let seed = 7
// The high bits: an LCG modulo a power of two repeats its low bits every few calls (seed % 8
// cycled so that almost no post got a comment).
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), (seed >>> 12) % n)
const sentence = () => Array.from({ length: 8 + rand(12) }, () => words[rand(words.length)]).join(' ') + '.'
const paragraph = () => Array.from({ length: 3 + rand(4) }, sentence).join(' ')

write(wxrHeader(site))
write(
  wxrTerms({
    authors: Array.from({ length: 8 }, (_, i) => ({ id: i + 1, login: `author${i + 1}`, email: `author${i + 1}@old.example`, name: `Author ${i + 1}` })),
    categories: Array.from({ length: 24 }, (_, i) => ({ id: 100 + i, slug: `cat-${i}`, name: `Category ${i}`, parent: i >= 6 ? `cat-${i % 6}` : undefined })),
    tags: Array.from({ length: 60 }, (_, i) => ({ id: 200 + i, slug: `tag-${i}`, name: `Tag ${i}` })),
  }),
)
let id = 1000
let commentId = 1
let posts = 0
let comments = 0
while (bytes < target) {
  const postId = id++
  const block = postId % 3 === 0
  const body = block
    ? Array.from({ length: 5 }, () => `<!-- wp:paragraph -->\n<p>${paragraph()}</p>\n<!-- /wp:paragraph -->`).join('\n\n')
    : [paragraph(), `[caption id="" align="alignnone" width="300"]<img src="${site}/wp-content/uploads/2020/01/p${postId}.jpg" alt="x" /> ${sentence()}[/caption]`, `${paragraph()} <a href="${site}/?p=${Math.max(1000, postId - 1)}">previous</a>`, '<!--more-->', paragraph(), paragraph()].join('\n\n')
  const thread: GenComment[] = Array.from({ length: rand(8) }, (_, c) => ({ id: commentId + c, parent: c && rand(2) ? commentId + rand(c) : 0, author: `Reader ${rand(500)}`, email: `reader${rand(500)}@example.test`, content: paragraph(), approved: rand(10) === 0 ? '0' : '1' }))
  if (rand(5) === 0) thread.push({ id: commentId + thread.length, content: sentence(), type: 'pingback', url: 'https://elsewhere.example/' })
  commentId += thread.length + 1
  comments += thread.length
  posts++
  write(
    wxrItem(site, {
      id: postId,
      title: sentence().slice(0, 60),
      slug: `post-${postId}`,
      type: postId % 40 === 0 ? 'page' : 'post',
      creator: `author${1 + rand(8)}`,
      content: body,
      categories: [{ slug: `cat-${rand(24)}`, name: 'c' }],
      tags: [{ slug: `tag-${rand(60)}`, name: `Tag` }],
      comments: thread.reverse(),
      date: `20${10 + rand(14)}-0${1 + rand(9)}-1${rand(9)} 10:00:00`,
    }),
  )
}
write(WXR_FOOTER)
fs.closeSync(out)
console.log(JSON.stringify({ bytes, posts, comments }))
