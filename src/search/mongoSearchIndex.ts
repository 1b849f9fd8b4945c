import type { Payload, PayloadRequest } from 'payload'

import { idOf, type Id } from '@/lib/idOf'
import { plainTextOf } from '@/site/postContent'

import { markTerms, passageAround } from './markTerms'
import type { SearchIndex } from './searchIndex'
import { MAX_INDEXED_BODY } from './searchEntries'
import { indexableText } from './searchMarks'

/**
 * MongoDB: the collection `search_posts`, one document per published post (`_id` the post's
 * id), under a weighted text index created on first use. MongoDB returns no highlighted text, so
 * matches are marked here (markTerms). Wired like the rest of the MongoDB adapter, not yet run
 * against a server (see the README's Tests section).
 */

type Collection = {
  createIndex(spec: object, options: object): Promise<unknown>
  deleteMany(filter: object, options?: object): Promise<unknown>
  insertMany(docs: object[], options?: object): Promise<unknown>
  countDocuments(filter: object): Promise<number>
  find(
    filter: object,
    options: object,
  ): { sort(s: object): { skip(n: number): { limit(n: number): { toArray(): Promise<Entry[]> } } } }
}
type Entry = {
  _id: Id
  title: string
  excerpt: string
  body: string
  authors: string
  categories: string
}
type MongoAdapter = {
  connection: { collection(name: string): Collection }
  sessions?: Record<string | number, unknown>
}

/** Posts read at a time when an author's or a category's posts are indexed again. */
const BATCH = 100

const WEIGHTS = { title: 10, authors: 5, categories: 3, excerpt: 4, body: 1 }

const namesIn = (values: unknown, key: 'name' | 'title', without?: Id) =>
  indexableText(
    (Array.isArray(values) ? values : [])
      .filter((value) => value && typeof value === 'object' && idOf(value) !== without)
      .map((value) => String((value as Record<string, unknown>)[key] ?? ''))
      .join(' '),
  )

export class MongoSearchIndex implements SearchIndex {
  /** The text index, created once per process (createIndex is a no-op when it exists). */
  private ready: Promise<unknown> | undefined

  private async collection(payload: Payload): Promise<Collection> {
    const collection = (payload.db as unknown as MongoAdapter).connection.collection('search_posts')
    this.ready ??= collection.createIndex(
      { title: 'text', excerpt: 'text', body: 'text', authors: 'text', categories: 'text' },
      { name: 'search_posts_text', weights: WEIGHTS, default_language: 'english' },
    )
    await this.ready
    return collection
  }

  private async sessionOf(req: PayloadRequest) {
    const id = req.transactionID ? await req.transactionID : undefined
    const session =
      id !== undefined ? (req.payload.db as unknown as MongoAdapter).sessions?.[id] : undefined
    return session ? { session } : {}
  }

  private async write(req: PayloadRequest, ids: Id[], without?: Id) {
    if (ids.length === 0) return
    const { docs } = await req.payload.find({
      collection: 'posts',
      where: { id: { in: ids }, _status: { equals: 'published' } },
      depth: 1,
      limit: ids.length,
      pagination: false,
      select: { title: true, excerpt: true, body: true, authors: true, categories: true },
      populate: { authors: { name: true }, categories: { title: true } },
      req,
    })
    const entries: Entry[] = docs.map((post) => ({
      _id: post.id,
      title: indexableText(post.title),
      excerpt: indexableText(post.excerpt),
      body: indexableText(plainTextOf(post.body)).slice(0, MAX_INDEXED_BODY),
      authors: namesIn(post.authors, 'name', without),
      categories: namesIn(post.categories, 'title', without),
    }))
    const collection = await this.collection(req.payload)
    const options = await this.sessionOf(req)
    await collection.deleteMany({ _id: { $in: ids } }, options)
    if (entries.length) await collection.insertMany(entries, options)
  }

  async refreshPosts(req: PayloadRequest, ids: Id[]): Promise<void> {
    await this.write(req, ids)
  }

  async refreshNames(
    req: PayloadRequest,
    { field, id, leaving }: Parameters<SearchIndex['refreshNames']>[1],
  ) {
    for (let page = 1; ; page++) {
      const found = await req.payload.find({
        collection: 'posts',
        where: { [field]: { contains: id }, _status: { equals: 'published' } },
        depth: 0,
        limit: BATCH,
        page,
        select: {},
        req,
      })
      await this.write(
        req,
        found.docs.map((post) => post.id),
        leaving ? id : undefined,
      )
      if (!found.hasNextPage) return
    }
  }

  async search(
    payload: Payload,
    terms: string[],
    { limit, offset }: { limit: number; offset: number },
  ) {
    const collection = await this.collection(payload)
    // Each term a quoted phrase: MongoDB then requires all of them.
    const filter = { $text: { $search: terms.map((term) => `"${term}"`).join(' ') } }
    const total = await collection.countDocuments(filter)
    if (total === 0 || offset >= total) return { hits: [], total }
    const entries = await collection
      .find(filter, { projection: { score: { $meta: 'textScore' } } })
      .sort({ score: { $meta: 'textScore' }, _id: -1 })
      .skip(offset)
      .limit(limit)
      .toArray()
    return {
      total,
      hits: entries.map((entry) => ({
        id: entry._id,
        title: markTerms(entry.title, terms),
        excerpt: markTerms(entry.excerpt, terms),
        snippet: passageAround(markTerms(entry.body, terms)),
      })),
    }
  }
}
