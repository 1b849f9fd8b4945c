import { APIError, ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { staffUser } from '@/access/roles'
import { secondsUntilNextComment } from '@/comments/floodWait'
import { COMMENT_MESSAGES as M } from '@/comments/messages'
import { threadClosure } from '@/comments/threadClosure'
import { validateSubmission, type FieldError } from '@/comments/validateSubmission'
import type { Comment, Post, SiteSetting } from '@/payload-types'

export type SubmissionContext = { post: Post; settings: SiteSetting }

const idOf = (value: unknown): number | string | null => {
  if (value && typeof value === 'object' && 'id' in value) return idOf(value.id)
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null
}

function refuse(errors: FieldError[]): never {
  throw new ValidationError({ collection: 'comments', errors })
}

/**
 * The submission rules for every new comment, on every path (REST, GraphQL, the HTML form, the
 * Local API): the post must be published and its thread open, the fields valid, a reply's parent
 * an approved comment of the same post, the comment not a duplicate and not too soon after the
 * last one from the same address. Only server code importing history (context.importing) skips
 * them.
 */
export const applySubmissionRules: CollectionBeforeValidateHook<Comment> = async ({
  data,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || !data || context.importing) return data
  const { payload } = req
  const user = staffUser(req)

  const postId = idOf(data.post)
  if (postId === null) refuse([{ path: 'post', message: M.postRequired }])
  const post = await payload
    .findByID({ collection: 'posts', id: postId, depth: 0, draft: false, req, disableErrors: true })
    .catch(() => null)
  if (!post || post._status !== 'published') refuse([{ path: 'post', message: M.postNotFound }])

  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  if (threadClosure(post, settings)) throw new APIError(M.closed, 403, undefined, true)

  if (user) {
    data.authorName ||= user.name
    data.authorEmail ||= user.email
  }
  const { values, errors } = validateSubmission(data as Record<string, unknown>)
  const parentId = idOf(data.parent)
  // The stored id, typed as the database types it (form fields arrive as text).
  let storedParentId: number | string | null = null
  if (data.parent != null && (data.parent as unknown) !== '') {
    const parent =
      parentId === null
        ? null
        : await payload
            .findByID({ collection: 'comments', id: parentId, depth: 0, req, disableErrors: true })
            .catch(() => null)
    if (!parent || parent.status !== 'approved' || idOf(parent.post) !== post.id) {
      errors.push({ path: 'parent', message: M.parentInvalid })
    } else {
      storedParentId = parent.id
    }
  }
  if (errors.length) refuse(errors)

  const duplicate = await payload.find({
    collection: 'comments',
    where: {
      post: { equals: post.id },
      authorEmail: { equals: values.authorEmail },
      body: { equals: values.body },
      status: { not_equals: 'trash' },
    },
    limit: 1,
    depth: 0,
    pagination: false,
    select: {},
    req,
  })
  if (duplicate.docs.length) throw new APIError(M.duplicate, 409, undefined, true)

  if (!user) {
    const wait = await secondsUntilNextComment(payload, {
      ip: req.headers?.get('x-real-ip') ?? null,
      intervalSeconds: settings.floodIntervalSeconds ?? 15,
      req,
    })
    if (wait > 0) throw new APIError(M.flood(wait), 429, { retryAfter: wait }, true)
  }

  // req.context, not the hook's `context`: nested Local API calls above replace req.context.
  req.context.submission = { post, settings } satisfies SubmissionContext
  return {
    ...data,
    post: post.id,
    parent: storedParentId as number | null,
    ...values,
  }
}
