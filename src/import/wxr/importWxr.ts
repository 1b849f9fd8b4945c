import fs from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'

import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { invalidateEverywhere } from '@/runtime/sharedInvalidation'
import type { Post, User } from '@/payload-types'

import { htmlToRichText, type ConvertOptions } from './htmlToRichText'
import { emptySummary, addNote, addSkipped, type ImportSummary } from './importSummary'
import { importComments } from './importComments'
import { postImportKeys } from './importKeys'
import { readWxr } from './readWxr'
import { createTextReader, legacyPathOf, safeDecode, slugOf, wxrDate } from './wxrValues'
import type { WxrItem, WxrSite, WxrTerm } from './wxrTypes'

export type ImportProgress = {
  posts: number
  comments: number
  totalPosts: number
  totalComments: number
}

export type ImportOptions = {
  /** Mark every imported post archived (banner, comments closed). */
  archive?: boolean
  /** Work out and report everything, write nothing. */
  dryRun?: boolean
  /** A copy of wp-content/uploads: images found there become media. */
  uploadsDir?: string | null
  /** Author logins mapped to existing author profile ids. */
  authorMap?: Record<string, number | string>
  /** The staff member running it, for the audit entry (null: the command line). */
  actor?: Pick<User, 'id' | 'email'> | null
  onProgress?: (progress: ImportProgress) => void
}

const CLOSED_BEFORE_IMPORT = 'Closed before import'
type Id = number | string

/** Counts the posts and comments in a file, reading all of it: a broken file stops here. */
export async function surveyWxr(file: string) {
  let totalPosts = 0
  let totalComments = 0
  await readWxr(file, {
    item: (item) => {
      if (item.type !== 'post') return
      totalPosts++
      totalComments += item.comments.length
    },
  })
  return { totalPosts, totalComments }
}

/**
 * Imports a WordPress export: authors, categories and tags (as categories), posts with their
 * bodies converted to rich text, images, comments with their statuses and threading, closed
 * threads, and the old addresses that redirect to the new pages. The whole file is read once
 * before anything is written, so a broken file changes nothing. Matching on the export's ids makes
 * a second run of the same file change nothing, and a newer export update what changed. Imported
 * comments skip the submission rules and Akismet, notify no one, and the run is one audit entry.
 */
export async function importWxr(
  payload: Payload,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const totals = await surveyWxr(file)
  const summary = emptySummary()
  const dryRun = options.dryRun ?? false
  const req = await createLocalReq({ context: { importing: true, importRun: true } }, payload)
  const editorConfig = (
    payload.config.editor as unknown as { editorConfig: ConvertOptions['editorConfig'] }
  ).editorConfig
  let site: WxrSite = { title: '', link: '', baseUrl: '', version: '' }
  const authors = new Map<string, Id>()
  const categories = new Map<string, Id>()
  const media = new Map<string, Id | null>()
  const progress = { posts: 0, comments: 0, ...totals }
  const text = createTextReader()

  /** The author or category with this slug, created (and counted) when there is none. */
  const profileFor = async (
    collection: 'authors' | 'categories',
    slug: string,
    data: { name: string } | { title: string },
  ): Promise<Id> => {
    const { docs } = await payload.find({
      collection,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      req,
    })
    if (docs[0]) {
      summary.counts[collection].unchanged++
      return docs[0].id
    }
    summary.counts[collection].created++
    if (dryRun) return `new:${slug}`
    return (await payload.create({ collection, data: { ...data, slug } as never, req })).id
  }

  const importAuthor = async (login: string, displayName: string) => {
    const id =
      options.authorMap?.[login] ??
      (await profileFor('authors', slugOf(login, displayName), { name: displayName || login }))
    authors.set(login, id)
    return id
  }

  const importTerm = async (term: WxrTerm) => {
    const key = `${term.kind}:${term.slug}`
    const known = categories.get(key)
    if (known !== undefined) return known
    const id = await profileFor('categories', slugOf(term.slug, term.name), {
      title: term.name || term.slug,
    })
    categories.set(key, id)
    return id
  }

  const mediaFor = async (src: string): Promise<Id | null> => {
    if (media.has(src)) return media.get(src)!
    const found = await importImage(payload, req, src, options.uploadsDir ?? null, dryRun, summary)
    media.set(src, found)
    if (found === null) addNote(summary, 'images left as links to their original address')
    return found
  }

  const importPost = async (item: WxrItem) => {
    const keys = postImportKeys(site.baseUrl || site.link, item.postId)
    const label = `post ${item.postId}`
    const status = item.status.trim()
    if (!['publish', 'draft', 'pending', 'private', 'future'].includes(status)) {
      summary.counts.posts.failed++
      summary.problems.push({ item: label, message: `unknown status "${status}": not imported` })
      return
    }
    if (!item.postName.trim())
      addNote(summary, 'posts without a WordPress slug (made from the title)')
    const authorIds = item.creator
      ? [authors.get(item.creator) ?? (await importAuthor(item.creator, item.creator))]
      : []
    if (authorIds.length === 0) {
      summary.counts.posts.failed++
      summary.problems.push({
        item: label,
        message: 'no author (dc:creator is empty): not imported',
      })
      return
    }
    const categoryIds = [] as Id[]
    for (const term of item.terms) categoryIds.push(await importTerm(term))
    const body = await htmlToRichText(item.content || '<p></p>', {
      editorConfig,
      mediaFor,
      report: (note) => addNote(summary, note),
    })
    const publishedAt = wxrDate(item.dateGmt, item.date)
    const closed = item.commentStatus.trim() === 'closed'
    const exported = {
      title: text.plainText(item.title, 200) || `(untitled ${item.postId})`,
      slug: slugOf(item.postName, item.title),
      excerpt: text.plainText(item.excerpt, 600) || null,
      body,
      authors: authorIds,
      categories: [...new Set(categoryIds)],
      publishedAt,
      archived: options.archive ?? false,
      commentStatus: closed ? 'closed' : 'open',
      commentsClosedReason: closed ? CLOSED_BEFORE_IMPORT : null,
      commentsClosedAt: closed ? publishedAt : null,
      _status: status === 'publish' ? 'published' : 'draft',
      importedFrom: keys.key,
      legacyPath: legacyPathOf(item.link),
      legacyPostId: item.postId,
    } as const

    const { docs } = await payload.find({
      collection: 'posts',
      where: { importedFrom: { in: [keys.key, ...keys.earlier] } },
      draft: true,
      limit: 1,
      depth: 0,
      req,
    })
    const existing = docs[0] as Post | undefined
    // A post found under an earlier form of its key keeps that key, and its comments theirs.
    const importedFrom = existing?.importedFrom ?? keys.key
    const data = existing ? keepStaffDecisions(existing, { ...exported, importedFrom }) : exported
    let postId: Id | null = existing?.id ?? null
    try {
      if (existing && samePost(existing, data)) summary.counts.posts.unchanged++
      else if (dryRun) summary.counts.posts[existing ? 'updated' : 'created']++
      else {
        const slugTaken = await slugOwner(payload, req, data.slug)
        const writable = {
          ...data,
          // A slug another post holds: made from the title, numbered, instead.
          slug: slugTaken !== null && slugTaken !== postId ? undefined : data.slug,
        }
        const saved = existing
          ? await payload.update({
              collection: 'posts',
              id: existing.id,
              data: writable as never,
              draft: false,
              req,
            })
          : await payload.create({ collection: 'posts', data: writable as never, req })
        postId = saved.id
        summary.counts.posts[existing ? 'updated' : 'created']++
        if (status === 'future' && publishedAt && !existing) {
          await payload.jobs.queue({
            task: 'schedulePublish',
            input: { type: 'publish', doc: { relationTo: 'posts', value: String(saved.id) } },
            waitUntil: new Date(publishedAt),
            req,
          } as Parameters<typeof payload.jobs.queue>[0])
        }
      }
    } catch (error) {
      summary.counts.posts.failed++
      summary.problems.push({ item: label, message: (error as Error).message })
      return
    }
    await importComments(payload, req, {
      item,
      postId,
      keyPrefix: importedFrom,
      dryRun,
      summary,
      text,
    })
  }

  try {
    await readWxr(file, {
      site: (value) => {
        site = value
      },
      author: async (author) => {
        if (!authors.has(author.login)) await importAuthor(author.login, author.displayName)
      },
      term: async (term) => {
        await importTerm(term)
      },
      item: async (item) => {
        if (item.type !== 'post') {
          addSkipped(summary, `${item.type || 'untyped'} items`.replace(/^(\w+) items$/, '$1s'))
          return
        }
        try {
          await importPost(item)
        } catch (error) {
          // One post that cannot be taken is reported; the rest of the file goes on.
          summary.counts.posts.failed++
          summary.problems.push({ item: `post ${item.postId}`, message: (error as Error).message })
        }
        progress.posts++
        progress.comments += item.comments.length
        options.onProgress?.({ ...progress })
      },
    })
  } finally {
    // Whatever was written, even by a run that failed half-way, shows at once everywhere: every
    // instance's caches and the cache in front drop everything, once for the whole run.
    if (!dryRun) await invalidateEverywhere(payload, [CACHE_TAGS.everything])
  }

  if (!dryRun) {
    await recordAudit(req, {
      action: 'import',
      actor: options.actor ? { user: options.actor } : { system: 'WordPress import' },
      summary: `WordPress import of ${path.basename(file)}${options.archive ? ' (archived)' : ''}`,
      targetType: 'import',
      targetLabel: site.title || path.basename(file),
      details: { file: path.basename(file), site: site.baseUrl || site.link, ...summary },
    })
  }
  return summary
}

type ExportedPost = {
  _status: 'published' | 'draft'
  archived: boolean
  commentStatus: 'open' | 'closed'
  commentsClosedReason: string | null
  commentsClosedAt: string | null
}

/**
 * What staff decided here since the last import stands: a published post stays published, an
 * archived one archived, a closed thread closed (with its reason). The export's text, dates and
 * statuses apply otherwise.
 */
function keepStaffDecisions<T extends ExportedPost>(existing: Post, exported: T): T {
  const closedHere = existing.commentStatus === 'closed'
  return {
    ...exported,
    _status: existing._status === 'published' ? 'published' : exported._status,
    archived: Boolean(existing.archived) || exported.archived,
    commentStatus: closedHere ? 'closed' : exported.commentStatus,
    commentsClosedReason: closedHere
      ? (existing.commentsClosedReason ?? null)
      : exported.commentsClosedReason,
    commentsClosedAt: closedHere ? (existing.commentsClosedAt ?? null) : exported.commentsClosedAt,
  }
}

function samePost(existing: Post, data: Record<string, unknown>): boolean {
  const strip = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value ?? null), (key, v) =>
      key === 'id' && typeof v === 'string' ? undefined : v,
    )
  const ids = (value: unknown) =>
    ((value as unknown[]) ?? []).map((v) => (typeof v === 'object' && v ? (v as { id: Id }).id : v))
  return (
    existing.title === data.title &&
    (existing.excerpt ?? null) === data.excerpt &&
    existing._status === data._status &&
    Boolean(existing.archived) === data.archived &&
    // Archiving closes the thread whatever the export says: an archived post's closed thread is
    // no change.
    (data.archived === true || existing.commentStatus === data.commentStatus) &&
    (existing.publishedAt ?? null) === data.publishedAt &&
    JSON.stringify(ids(existing.authors)) === JSON.stringify(data.authors) &&
    JSON.stringify(ids(existing.categories)) === JSON.stringify(data.categories) &&
    // PostgreSQL's jsonb does not keep key order: compare the trees, not their text.
    isDeepStrictEqual(strip(existing.body), strip(data.body))
  )
}

async function slugOwner(payload: Payload, req: PayloadRequest, slug: string): Promise<Id | null> {
  const { docs } = await payload.find({
    collection: 'posts',
    where: { slug: { equals: slug } },
    draft: true,
    limit: 1,
    depth: 0,
    select: { slug: true },
    req,
  })
  return docs[0]?.id ?? null
}

/**
 * An image of the blog as media: the file from the uploads copy (its path after
 * `wp-content/uploads/`), matched on its original address so a second run reuses it.
 */
async function importImage(
  payload: Payload,
  req: PayloadRequest,
  src: string,
  uploadsDir: string | null,
  dryRun: boolean,
  summary: ImportSummary,
): Promise<Id | null> {
  const relative = /\/wp-content\/uploads\/(.+)$/.exec(src.split('?')[0])?.[1]
  if (!uploadsDir || !relative) return null
  const root = path.resolve(uploadsDir)
  const file = path.resolve(root, safeDecode(relative))
  // Inside the uploads copy only (not `../uploads-private/…`).
  const inside = path.relative(root, file)
  if (inside.startsWith('..') || path.isAbsolute(inside) || !fs.existsSync(file)) return null
  const alt = path
    .basename(file)
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ')
  const { docs } = await payload.find({
    collection: 'media',
    where: { caption: { equals: `Imported from ${src}` } },
    limit: 1,
    depth: 0,
    req,
  })
  if (docs[0]) {
    summary.counts.media.unchanged++
    return docs[0].id
  }
  summary.counts.media.created++
  if (dryRun) return `new:${src}`
  const data = fs.readFileSync(file)
  const created = await payload.create({
    collection: 'media',
    data: { alt, caption: `Imported from ${src}` },
    file: { data, name: path.basename(file), mimetype: mimeOf(file), size: data.length },
    req,
  })
  return created.id
}

function mimeOf(file: string): string {
  const ext = path.extname(file).toLowerCase()
  return (
    { '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif' }[
      ext
    ] ?? 'image/jpeg'
  )
}
