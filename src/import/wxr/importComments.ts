import type { Payload, PayloadRequest } from 'payload'

import { COMMENT_LIMITS } from '@/comments/rules/messages'
import { yieldToEventLoop } from '@/lib/yieldToEventLoop'

import { addSkipped, type ImportSummary } from './importSummary'
import { commentStatusOf, wxrDate, type TextReader } from './wxrValues'
import type { WxrItem } from './wxrTypes'

type Id = number | string

/**
 * WordPress accepts comments without an email address when the blog allows it; ours require one.
 * Such a comment is kept, with an address that says so and can never receive mail.
 */
const NO_EMAIL = 'no-email-in-wordpress-export@invalid.example'
const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
const emailOrPlaceholder = (value: string) =>
  isEmail(value) ? value.trim().slice(0, COMMENT_LIMITS.email) : NO_EMAIL

/** Existing imported comments of a post are looked up this many at a time. */
const LOOKUP_BATCH = 200

type Options = {
  item: WxrItem
  /** The post they belong to; null in a dry run for a post not created yet. */
  postId: Id | null
  /** The post's import key: a comment's is this plus `#comment-<id>`. */
  keyPrefix: string
  dryRun: boolean
  summary: ImportSummary
  text: TextReader
}

/**
 * A post's comments, in the export's order (a reply's id is always above its parent's): created
 * with their status, date and threading, or, when already imported, brought to the export's
 * status. Pingbacks and trackbacks are skipped and counted; a reply whose parent is missing is
 * kept as a top-level comment and reported.
 */
export async function importComments(
  payload: Payload,
  req: PayloadRequest,
  { item, postId, keyPrefix, dryRun, summary, text }: Options,
): Promise<void> {
  const comments = item.comments
    .filter((comment) => {
      const kind = comment.type.trim()
      if (kind === 'pingback' || kind === 'trackback') {
        addSkipped(summary, `${kind}s`)
        return false
      }
      return true
    })
    .sort((a, b) => a.id - b.id)
  if (comments.length === 0) return

  const keyOf = (wpId: number) => `${keyPrefix}#comment-${wpId}`
  const existing = new Map<string, { id: Id; status: string; statusRule: string | null }>()
  if (postId !== null && !String(postId).startsWith('new:')) {
    for (let start = 0; start < comments.length; start += LOOKUP_BATCH) {
      const keys = comments.slice(start, start + LOOKUP_BATCH).map((c) => keyOf(c.id))
      const { docs } = await payload.find({
        collection: 'comments',
        where: { importedFrom: { in: keys } },
        limit: keys.length,
        pagination: false,
        depth: 0,
        select: { importedFrom: true, status: true, statusRule: true },
        req,
      })
      for (const doc of docs) {
        existing.set(doc.importedFrom!, {
          id: doc.id,
          status: doc.status,
          statusRule: doc.statusRule ?? null,
        })
      }
    }
  }

  const ours = new Map<number, Id>()
  for (const comment of comments) {
    // A turn of the event loop between comments: an import from the admin runs in the web
    // process, and a post's comments (a Payload write each) would otherwise hold every request.
    await yieldToEventLoop()
    const label = `comment ${comment.id} (post ${item.postId})`
    const status = commentStatusOf(comment.approved)
    if (!status) {
      summary.counts.comments.failed++
      summary.problems.push({
        item: label,
        message: `unknown status "${comment.approved}": not imported`,
      })
      continue
    }
    const key = keyOf(comment.id)
    const found = existing.get(key)
    if (found) {
      ours.set(comment.id, found.id)
      // A status staff set here (a moderator's spam or trash) wins over the export's.
      if (found.status === status || found.statusRule !== 'import') {
        summary.counts.comments.unchanged++
        continue
      }
      summary.counts.comments.updated++
      if (!dryRun) {
        await payload.update({
          collection: 'comments',
          id: found.id,
          data: {
            status,
            statusReason: 'Status changed in a newer WordPress export',
            statusRule: 'import',
          },
          req,
        })
      }
      continue
    }
    let parent: Id | null = null
    if (comment.parent) {
      parent = ours.get(comment.parent) ?? null
      if (parent === null) {
        summary.problems.push({
          item: label,
          message: `its parent comment ${comment.parent} is not in the export: kept as a top-level comment`,
        })
      }
    }
    if (dryRun || postId === null) {
      summary.counts.comments.created++
      ours.set(comment.id, `new:${comment.id}`)
      continue
    }
    try {
      const created = await payload.create({
        collection: 'comments',
        data: {
          post: postId as number,
          parent: parent as number | null,
          authorName: comment.author.trim().slice(0, COMMENT_LIMITS.name) || 'Anonymous',
          authorEmail: emailOrPlaceholder(comment.email),
          authorUrl: comment.url.trim().slice(0, COMMENT_LIMITS.url) || null,
          body: text.commentText(comment.content) || '(empty)',
          status,
          statusReason: isEmail(comment.email)
            ? 'Imported from WordPress'
            : 'Imported from WordPress (no usable email address in the export)',
          statusRule: 'import',
          ip: comment.ip.trim() || null,
          importedFrom: key,
          createdAt: wxrDate(comment.dateGmt) ?? undefined,
        },
        req,
      })
      ours.set(comment.id, created.id)
      summary.counts.comments.created++
    } catch (error) {
      summary.counts.comments.failed++
      summary.problems.push({ item: label, message: (error as Error).message })
    }
  }
}
