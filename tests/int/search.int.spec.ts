import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SearchSnippet } from '@/components/SearchSnippet'
import { lexical } from '@/lib/lexical'
import {
  MARK_END,
  MARK_START,
  MAX_QUERY_LENGTH,
  MAX_SEARCH_PAGE,
  SEARCH_PAGE_SIZE,
  searchArticles,
  searchPage,
  snippetParts,
  type SearchResult,
} from '@/lib/search'
import { poolOf } from '@/lib/sql'
import { ctx, publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { sqlOf } from '../helpers/sql'

let payload: Payload
let stop: () => Promise<void>

const ids: Record<string, number> = {}
async function article(key: string, data: Record<string, unknown>) {
  ids[key] = (await publishedArticle(payload, data)).id as number
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  // Ranking: the same word in the title, the excerpt and the body only.
  await article('titleHit', {
    title: 'Glacier retreat accelerates',
    excerpt: 'Ice sheets thin.',
    content: lexical([{ p: 'Scientists measured the ice.' }]),
  })
  await article('excerptHit', {
    title: 'A summer in the Alps',
    excerpt: 'Walking beside a glacier.',
    content: lexical([{ p: 'Meadows and cows.' }]),
  })
  await article('bodyHit', {
    title: 'Mountain diary',
    excerpt: 'Notes from a hut.',
    content: lexical([{ p: 'Rain all week.' }, { h2: 'Day three' }, { p: 'We crossed the glacier at dawn.' }]),
  })
  // Phrases and exclusions.
  await article('phrase', {
    title: 'Harbour notes',
    content: lexical([{ p: 'The new bridge opened over the harbour on Monday.' }]),
  })
  await article('scattered', {
    title: 'Harbour traffic',
    content: lexical([{ p: 'A bridge closed; the new ferry opened instead.' }]),
  })
  // Markup in article text, and a control character that must not forge a highlight.
  await article('markup', {
    title: 'Escaping test',
    content: lexical([{ p: 'Beware <script>alert("x")</script> and <b>bold</b> zeppelin\u0001fake\u0002 claims.' }]),
  })
  // Never found: a draft and a scheduled article with a word no published article has.
  await payload.create({
    collection: 'articles',
    data: { title: 'Secret quokka draft', content: lexical([{ p: 'quokka' }]), _status: 'draft' },
    context: ctx,
  })
  await article('scheduled', {
    title: 'Future quokka story',
    publishedAt: new Date(Date.now() + 86_400_000).toISOString(),
  })
  await article('visibleQuokka', { title: 'Quokka spotted', excerpt: 'A quokka on the island.' })
  // Many matches, for paging.
  for (let i = 0; i < 25; i++)
    await article(`lighthouse${i}`, {
      title: `Lighthouse keeper ${i}`,
      content: lexical([{ p: 'The lighthouse beam turned.' }]),
    })
})
afterAll(() => stop?.())

const results = (r: SearchResult) => {
  if (r.kind !== 'results') throw new Error(`expected results, got ${r.kind}`)
  return r
}
const hitIds = (r: SearchResult) => results(r).hits.map((h) => h.id)

describe('search ranks published articles by where the words appear', () => {
  it('title before excerpt before body', async () => {
    const r = results(await searchArticles(payload, 'glacier'))
    expect(r.total).toBe(3)
    expect(r.hits.map((h) => h.id)).toEqual([ids.titleHit, ids.excerptHit, ids.bodyHit])
    expect(r.hits[0]).toMatchObject({ title: 'Glacier retreat accelerates', slug: expect.any(String) })
  })

  it('finds words inside the body (headings and paragraphs), stemmed', async () => {
    expect(hitIds(await searchArticles(payload, 'crossing dawn'))).toEqual([ids.bodyHit])
  })

  it('highlights the matches in a snippet of the excerpt and body', async () => {
    const [hit] = results(await searchArticles(payload, 'dawn')).hits
    expect(hit.snippet).toContain(`${MARK_START}dawn${MARK_END}`)
    expect(snippetParts(hit.snippet)).toContainEqual({ text: 'dawn', mark: true })
  })
})

describe('websearch syntax', () => {
  it('"quoted phrase" matches the words in that order only', async () => {
    expect(hitIds(await searchArticles(payload, 'bridge opened'))).toEqual(
      expect.arrayContaining([ids.phrase, ids.scattered]),
    )
    expect(hitIds(await searchArticles(payload, '"bridge opened"'))).toEqual([ids.phrase])
  })

  it('-word leaves out articles with that word', async () => {
    expect(hitIds(await searchArticles(payload, 'harbour'))).toHaveLength(2)
    expect(hitIds(await searchArticles(payload, 'harbour -ferry'))).toEqual([ids.phrase])
  })

  it('or alternates', async () => {
    expect(hitIds(await searchArticles(payload, 'ferry or quokka')).sort()).toEqual(
      [ids.scattered, ids.visibleQuokka].sort(),
    )
  })
})

describe('only published articles whose time has come', () => {
  it('never returns drafts or scheduled articles', async () => {
    const r = results(await searchArticles(payload, 'quokka'))
    expect(r.hits.map((h) => h.id)).toEqual([ids.visibleQuokka])
    expect(r.total).toBe(1)
  })

  it('finds a scheduled article once its time has come', async () => {
    await poolOf(payload).query(`update articles set published_at = now() - interval '1 minute' where id = $1`, [
      ids.scheduled,
    ])
    expect(hitIds(await searchArticles(payload, 'future quokka'))).toEqual([ids.scheduled])
    await poolOf(payload).query(`update articles set published_at = now() + interval '1 day' where id = $1`, [
      ids.scheduled,
    ])
  })
})

describe('odd input gets a clear answer, never an error', () => {
  it('empty or blank: asks for words', async () => {
    expect(await searchArticles(payload, '')).toEqual({ kind: 'empty' })
    expect(await searchArticles(payload, '   \n ')).toEqual({ kind: 'empty' })
    expect(await searchArticles(payload, undefined)).toEqual({ kind: 'empty' })
  })

  it('only punctuation, or only stop words: no words to search for', async () => {
    for (const q of ['!!! ??? ...', '"""', '- - -', '&|!():*', 'the and of']) {
      expect(await searchArticles(payload, q), q).toMatchObject({ kind: 'no-words', query: q.trim() })
    }
  })

  it('10 KB of text: cut to the limit, searched, said so', async () => {
    const long = `lighthouse ${'x'.repeat(10 * 1024)}`
    const r = await searchArticles(payload, long)
    expect(r).toMatchObject({ kind: 'results', truncated: true })
    expect(Array.from((r as { query: string }).query).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    // Cut at the last space: the 10 KB "word" goes, the word before it is searched.
    expect(results(r)).toMatchObject({ query: 'lighthouse', total: 25 })
    // Cut at a word boundary: no half word is searched for.
    const words = await searchArticles(payload, 'lighthouse '.repeat(1000))
    expect(results(words).truncated).toBe(true)
    expect(results(words).query.endsWith('lighthouse')).toBe(true)
    expect(results(words).total).toBe(25)
  })

  it('SQL and tsquery syntax in the query is only text', async () => {
    const r = await searchArticles(payload, `'); drop table articles; -- glacier:* & !`)
    expect(r.kind).toBe('results')
    const { rows } = await poolOf(payload).query<{ n: string }>('select count(*) as n from articles')
    expect(Number(rows[0].n)).toBeGreaterThan(30)
  })

  it('no match: zero results', async () => {
    expect(results(await searchArticles(payload, 'xylophonist')).total).toBe(0)
  })
})

describe('paging is bounded', () => {
  it('pages of ten, each one SQL query, with the total', async () => {
    const first = await sqlOf(() => searchArticles(payload, 'lighthouse', 1))
    expect(results(first.result).hits).toHaveLength(SEARCH_PAGE_SIZE)
    expect(results(first.result)).toMatchObject({ total: 25, totalPages: 3 })
    expect(first.sql).toHaveLength(1)
    const third = results(await searchArticles(payload, 'lighthouse', 3))
    expect(third.hits).toHaveLength(5)
    const all = [
      ...hitIds(first.result),
      ...hitIds(await searchArticles(payload, 'lighthouse', 2)),
      ...third.hits.map((h) => h.id),
    ]
    expect(new Set(all).size).toBe(25)
  })

  it('a page past the end has no hits', async () => {
    const r = results(await searchArticles(payload, 'lighthouse', 4))
    expect(r).toMatchObject({ page: 4, hits: [] })
  })

  it('?page= is a number from 1 to the cap', () => {
    expect(searchPage('2')).toBe(2)
    expect(searchPage(['3', '4'])).toBe(3)
    expect(searchPage('99999')).toBe(MAX_SEARCH_PAGE)
    for (const bad of ['0', '-1', 'abc', '1e3', '', undefined]) expect(searchPage(bad)).toBe(1)
  })
})

describe('snippets cannot inject markup', () => {
  it('article text with tags and marker characters renders as text', async () => {
    const [hit] = results(await searchArticles(payload, 'zeppelin')).hits
    expect(hit.id).toBe(ids.markup)
    // The marker characters stored in the article are stripped: only the real match is marked.
    expect(
      snippetParts(hit.snippet)
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['zeppelin'])
    const html = renderToStaticMarkup(createElement(SearchSnippet, { text: hit.snippet }))
    expect(html).toContain('<mark>zeppelin</mark>')
    // ts_headline drops tags from the text; what is left is escaped text.
    expect(html).toContain('alert(&quot;x&quot;)')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<b>')
  })

  it('a query with markup is only text, and a snippet never turns text into markup', async () => {
    expect(results(await searchArticles(payload, '<img src=x onerror=alert(1)> zeppelin')).query).toBe(
      '<img src=x onerror=alert(1)> zeppelin',
    )
    const html = renderToStaticMarkup(
      createElement(SearchSnippet, { text: `${MARK_START}<img src=x onerror=alert(1)>${MARK_END}` }),
    )
    expect(html).toBe('<p class="search-snippet"><mark>&lt;img src=x onerror=alert(1)&gt;</mark></p>')
  })
})
