import { type PayloadRequest } from 'payload'

import { COMMENT_MESSAGES as M } from '@/comments/rules/messages'
import { threadClosure } from '@/comments/rules/threadClosure'
import { refuseFields } from '@/api/refuseFields'
import { validateSubmission } from '@/comments/rules/validateSubmission'
import { idOf, type Id } from '@/lib/idOf'
import type { Post, SiteSetting } from '@/payload-types'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { runtimeOf } from '@/runtime/runtime'

import type { Accepted, SubmissionInput, Submitter } from './types'
import { RequestRefused } from '@/api/requestRefused'

/** Every discussion setting, moderation word lists included; kept until the settings change. */
export function discussionSettings(req: PayloadRequest): Promise<SiteSetting> {
  const { payload } = req
  return runtimeOf(payload).content.get('discussionSettings', [CACHE_TAGS.settings], () =>
    payload.findGlobal({ slug: 'site-settings', depth: 0 }),
  )
}

async function publishedPost(req: PayloadRequest, id: Id): Promise<Post | null> {
  const post = await req.payload
    // disableErrors: a missing post is null; any other error (the database away) is thrown.
    .findByID({ collection: 'posts', id, depth: 0, draft: false, req, disableErrors: true })
  return post && post._status === 'published' ? post : null
}

/**
 * An approved comment on `post`: its stored id (typed as the database types it) and its thread
 * (the top-level comment), or null.
 */
async function approvedParent(
  req: PayloadRequest,
  id: Id,
  post: Post,
): Promise<{ id: Id; thread: Id } | null> {
  const parent = await req.payload.findByID({
    collection: 'comments',
    id,
    depth: 0,
    req,
    disableErrors: true,
  })
  if (!parent || parent.status !== 'approved' || idOf(parent.post) !== post.id) return null
  return { id: parent.id, thread: idOf(parent.thread) ?? parent.id }
}

/**
 * The first stage. What can be checked without the database first (400 with one error per field:
 * text fields, a post id, a parent id), so that a malformed request costs no query; then the post
 * must be published and its thread open (403 "Comments are closed."), and a reply's parent an
 * approved comment of the same post. Staff may leave name and email out: theirs are used.
 */
export async function acceptSubmission(
  req: PayloadRequest,
  input: SubmissionInput,
  submitter: Submitter,
): Promise<Accepted> {
  const { staff } = submitter
  const { values: fields, errors } = validateSubmission({
    ...input,
    authorName: input.authorName || staff?.name,
    authorEmail: input.authorEmail || staff?.email,
  })
  const postId = idOf(input.post)
  if (postId === null) errors.unshift({ path: 'post', message: M.postRequired })
  const wantsParent = input.parent != null && input.parent !== ''
  const parentId = wantsParent ? idOf(input.parent) : null
  if (wantsParent && parentId === null) errors.push({ path: 'parent', message: M.parentInvalid })
  if (errors.length || postId === null) refuseFields(errors)

  const post = await publishedPost(req, postId)
  if (!post) refuseFields([{ path: 'post', message: M.postNotFound }])
  const settings = await discussionSettings(req)
  if (threadClosure(post, settings)) throw new RequestRefused(M.closed, 403)

  const parent = parentId === null ? null : await approvedParent(req, parentId, post)
  if (parentId !== null && !parent) refuseFields([{ path: 'parent', message: M.parentInvalid }])

  const honeypot = typeof input.homepage === 'string' ? input.homepage : ''
  return {
    post,
    settings,
    parent: parent?.id ?? null,
    thread: parent?.thread ?? null,
    fields,
    honeypot,
  }
}
