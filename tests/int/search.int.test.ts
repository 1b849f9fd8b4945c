import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { MigrateUpArgs } from '@payloadcms/db-sqlite'

import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'
import { MARK_END, MARK_START } from '@/search/searchMarks'
import { readSearchQuery } from '@/search/searchQuery'

import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import { createAuthor, createPost, simpleBody, unique } from '../helpers/factories'
import { testDatabaseKind } from '../helpers/testDatabase'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// The site search over a real database: what the index holds after each kind of write, and the
// page of results the search page renders from.

let t: TestPayload
let data: {
  searchPosts: typeof import('@/data/searchPosts').searchPosts
  MarkedText: typeof import('@/components/MarkedText').MarkedText
}

beforeAll(async () => {
  t = await startTestPayload()
  data = { ...(await import('@/data/searchPosts')), ...(await import('@/components/MarkedText')) }
})
afterAll(async () => {
  await t?.stop()
})

/** A word no other post holds (letters then digits: one token for every index). */
const word = () => `zq${unique()}`

/** The slugs of every post matching `text`, across all pages. */
async function slugsFor(text: string): Promise<string[]> {
  const query = readSearchQuery(text)
  if (query.kind !== 'words') throw new Error(`not words: ${text}`)
  const slugs: string[] = []
  for (let page = 1; ; page++) {
    const { results, totalPages } = await data.searchPosts(query.terms, page)
    slugs.push(...results.map((result) => result.post.slug))
    if (page >= totalPages) return slugs
  }
}

const search = async (text: string, page = 1) => {
  const query = readSearchQuery(text)
  if (query.kind !== 'words') throw new Error(`not words: ${text}`)
  return data.searchPosts(query.terms, page)
}

describe('site search: what is indexed', () => {
  it('finds a published post by its title, excerpt, body, author name and category title', async () => {
    const [inTitle, inExcerpt, inBody, authorName, categoryTitle] = [1, 2, 3, 4, 5].map(word)
    const author = await createAuthor(t.payload, { name: `Dana ${authorName}` })
    const category = await t.payload.create({
      collection: 'categories',
      data: { title: `Water ${categoryTitle}` } as never,
    })
    const post = await createPost(t.payload, {
      title: `Flood outlook ${inTitle}`,
      excerpt: `What to expect ${inExcerpt}.`,
      body: simpleBody(`The river will rise ${inBody} this spring.`),
      authors: [author.id],
      categories: [category.id],
    })
    for (const text of [inTitle, inExcerpt, inBody, authorName, categoryTitle]) {
      expect(await slugsFor(text)).toEqual([post.slug])
    }
    // Every word required; stems match ("rising" finds "rise").
    expect(await slugsFor(`${inBody} rising`)).toEqual([post.slug])
    expect(await slugsFor(`${inBody} ${word()}`)).toEqual([])
  })

  it('never indexes a draft, nor a draft’s changes to a published post', async () => {
    const secret = word()
    await createPost(t.payload, { title: `Draft ${secret}`, _status: 'draft' })
    expect(await slugsFor(secret)).toEqual([])

    const [published, pending] = [word(), word()]
    const post = await createPost(t.payload, { title: `Published ${published}` })
    await t.payload.update({
      collection: 'posts',
      id: post.id,
      draft: true,
      data: { title: `Pending change ${pending}`, _status: 'draft' },
    })
    expect(await slugsFor(pending)).toEqual([])
    expect(await slugsFor(published)).toEqual([post.slug])
  })

  it('follows a post through edits, archiving, unpublishing and deletion', async () => {
    const [before, after] = [word(), word()]
    const post = await createPost(t.payload, { title: `Notice ${before}` })
    expect(await slugsFor(before)).toEqual([post.slug])

    await t.payload.update({ collection: 'posts', id: post.id, data: { title: `Notice ${after}` } })
    expect(await slugsFor(before)).toEqual([])
    expect(await slugsFor(after)).toEqual([post.slug])

    await t.payload.update({ collection: 'posts', id: post.id, data: { archived: true } })
    const archived = await search(after)
    expect(archived.results.map((result) => result.post.archived)).toEqual([true])

    await t.payload.update({ collection: 'posts', id: post.id, data: { _status: 'draft' } })
    expect(await slugsFor(after)).toEqual([])

    await t.payload.update({ collection: 'posts', id: post.id, data: { _status: 'published' } })
    expect(await slugsFor(after)).toEqual([post.slug])

    await t.payload.delete({ collection: 'posts', id: post.id })
    expect(await slugsFor(after)).toEqual([])
  })

  it('follows an author’s rename and deletion, and a category’s new title', async () => {
    const [oldName, newName, oldTitle, newTitle] = [word(), word(), word(), word()]
    const author = await createAuthor(t.payload, { name: `Lee ${oldName}` })
    const other = await createAuthor(t.payload)
    const category = await t.payload.create({
      collection: 'categories',
      data: { title: `Topic ${oldTitle}` } as never,
    })
    const posts = [
      await createPost(t.payload, { authors: [author.id, other.id], categories: [category.id] }),
      await createPost(t.payload, { authors: [author.id], categories: [category.id] }),
    ]
    const slugs = posts.map((post) => post.slug).sort()

    await t.payload.update({
      collection: 'authors',
      id: author.id,
      data: { name: `Lee ${newName}` },
    })
    expect(await slugsFor(oldName)).toEqual([])
    expect((await slugsFor(newName)).sort()).toEqual(slugs)

    await t.payload.update({
      collection: 'categories',
      id: category.id,
      data: { title: `Topic ${newTitle}` },
    })
    expect(await slugsFor(oldTitle)).toEqual([])
    expect((await slugsFor(newTitle)).sort()).toEqual(slugs)

    await t.payload.delete({ collection: 'authors', id: author.id })
    expect(await slugsFor(newName)).toEqual([])
    // The co-author's name stays on the post they still sign.
    expect(await slugsFor(other.name)).toEqual([posts[0].slug])
  })
})

describe('site search: results', () => {
  it('pages the results in the database, ten at a time, each post once', async () => {
    const shared = word()
    const created = []
    for (let i = 0; i < 23; i++)
      created.push(await createPost(t.payload, { title: `${shared} ${i}` }))
    const pages = await Promise.all([1, 2, 3].map((page) => search(shared, page)))
    expect(pages.map((page) => page.results.length)).toEqual([10, 10, 3])
    expect(pages.map((page) => [page.total, page.totalPages])).toEqual([
      [23, 3],
      [23, 3],
      [23, 3],
    ])
    const seen = pages.flatMap((page) => page.results.map((result) => result.post.slug))
    expect(new Set(seen)).toEqual(new Set(created.map((post) => post.slug)))
    expect((await search(shared, 4)).results).toEqual([])
  })

  it('makes the same database calls for 2 matches as for 25, and reads one page of posts', async () => {
    const [few, many] = [word(), word()]
    const author = await createAuthor(t.payload)
    for (let i = 0; i < 2; i++) await createPost(t.payload, { title: few, authors: [author.id] })
    for (let i = 0; i < 25; i++) await createPost(t.payload, { title: many, authors: [author.id] })
    const measured = async (text: string) => {
      const counter = countDatabaseCalls(t.payload)
      try {
        const found = await search(text)
        return { total: found.total, calls: counter.calls(), largest: counter.largestFind() }
      } finally {
        counter.stop()
      }
    }
    const small = await measured(few)
    const large = await measured(many)
    expect([small.total, large.total]).toEqual([2, 25])
    expect(large.calls).toBe(small.calls)
    expect(large.largest).toBeLessThanOrEqual(10)
  })

  it('marks the matches and renders every other character as text', async () => {
    const key = word()
    const post = await createPost(t.payload, {
      title: `<script>alert("x")</script> ${key} & <b>bold</b>`,
      excerpt: `An <img src=x onerror=alert(1)> excerpt about ${key}.`,
      body: simpleBody(`Before the match, ${key} <em>after</em> it.`),
    })
    const [result] = (await search(key)).results
    expect(result.post.slug).toBe(post.slug)
    expect(result.hit.title).toContain(`${MARK_START}${key}${MARK_END}`)
    expect(result.hit.snippet).toContain(`${MARK_START}${key}${MARK_END}`)

    const html = (text: string) => renderToStaticMarkup(createElement(data.MarkedText, { text }))
    expect(html(result.hit.title)).toBe(
      `&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>${key}</mark> &amp; &lt;b&gt;bold&lt;/b&gt;`,
    )
    expect(html(result.hit.excerpt)).toBe(
      `An &lt;img src=x onerror=alert(1)&gt; excerpt about <mark>${key}</mark>.`,
    )
  })

  it('reads a query as words only: FTS and tsquery syntax is searched for, not obeyed', async () => {
    const key = word()
    const post = await createPost(t.payload, { title: `Syntax ${key}` })
    for (const text of [`"${key}`, `${key}*`, `${key} & !`, `${key}:*`, `-(${key})`, `'${key}'`]) {
      expect(await slugsFor(text)).toEqual([post.slug])
    }
    // Operators are words like any other, and every word is required.
    expect(await slugsFor(`${key} OR ${word()}`)).toEqual([])
    expect(await slugsFor(`NEAR(${key} nothing)`)).toEqual([])
  })

  it('refuses a query longer than 200 characters, and reads punctuation alone as no words', () => {
    expect(readSearchQuery('a'.repeat(200))).toMatchObject({ kind: 'words' })
    expect(readSearchQuery('a'.repeat(201))).toEqual({ kind: 'too-long', length: 201 })
    expect(readSearchQuery('  ')).toEqual({ kind: 'empty' })
    expect(readSearchQuery('!!! ???')).toEqual({ kind: 'no-words', text: '!!! ???' })
  })
})

/** Runs the site_search migration's `down` then `up`, as `payload migrate` would. */
async function rerunSearchMigration() {
  const list = t.database.kind === 'postgres' ? postgresMigrations : sqliteMigrations
  const migration = list.find((entry) => entry.name.endsWith('site_search'))!
  const args = {
    db: (t.payload.db as unknown as { drizzle: unknown }).drizzle,
    payload: t.payload,
    req: {},
  } as unknown as MigrateUpArgs
  await migration.down(args as never)
  await migration.up(args as never)
}

;(testDatabaseKind() === 'mongodb' ? describe.skip : describe)('site search: the migration', () => {
  it('fills the index with the posts published before it, and only those', async () => {
    const [published, draft] = [word(), word()]
    const post = await createPost(t.payload, { title: `Before ${published}` })
    await createPost(t.payload, { title: `Draft ${draft}`, _status: 'draft' })
    await rerunSearchMigration()
    expect(await slugsFor(published)).toEqual([post.slug])
    expect(await slugsFor(draft)).toEqual([])
  })
})
