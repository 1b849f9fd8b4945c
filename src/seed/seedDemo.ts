import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import type { Comment } from '@/payload-types'

import { DEMO_ACCOUNTS } from './demoAccounts'
import { DEMO_AUTHORS, DEMO_CATEGORIES, DEMO_POSTS, DEMO_SITE, type DemoPost } from './demoContent'
import { DEMO_IMAGES, renderDemoImage } from './demoImages'
import { lexicalFromBlocks } from './lexicalFromBlocks'

const HOUR = 60 * 60 * 1000

/** Documentation-range addresses (RFC 5737): stored on demo comments, never contacted. */
const DEMO_IPS = ['192.0.2.14', '198.51.100.23', '203.0.113.40', '192.0.2.77', '198.51.100.5']
const DEMO_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) DemoBrowser/1.0'

type Ids = Map<string, number | string>

async function seedPost(
  payload: Payload,
  req: PayloadRequest,
  post: DemoPost,
  ids: { authors: Ids; categories: Ids; users: Ids; media: Ids },
) {
  const publishedAt = new Date(`${post.publishedAt}T14:00:00.000Z`)
  const authorUser = DEMO_AUTHORS.find((a) => post.authors.includes(a.key) && a.userEmail)
  const closedAt = new Date(publishedAt.getTime() + 30 * 24 * HOUR).toISOString()
  const created = await payload.create({
    collection: 'posts',
    req,
    data: {
      title: post.title,
      slug: post.slug,
      excerpt: post.excerpt,
      body: lexicalFromBlocks(post.body, ids.media),
      authors: post.authors.map((key) => ids.authors.get(key)!) as number[],
      categories: post.categories.map((key) => ids.categories.get(key)!) as number[],
      publishedAt: publishedAt.toISOString(),
      archived: post.archived,
      archivedAt: post.archived
        ? new Date(publishedAt.getTime() + 400 * 24 * HOUR).toISOString()
        : null,
      archiveNotice: post.archiveNotice ?? null,
      commentStatus: post.commentStatus,
      commentsClosedAt: post.commentStatus === 'closed' ? closedAt : null,
      commentsClosedBy:
        post.commentStatus === 'closed' ? (ids.users.get('moderator@example.gov') as number) : null,
      commentsClosedReason: post.commentsClosedReason ?? null,
      createdBy: (ids.users.get(authorUser?.userEmail ?? 'editor@example.gov') as number) ?? null,
      _status: 'published',
    },
  })

  const commentIds: Ids = new Map()
  for (const [index, comment] of post.comments.entries()) {
    const doc: Comment = await payload.create({
      collection: 'comments',
      req,
      // Stored history, not a submission: its status is given, the submission rules do not apply.
      context: { importing: true },
      data: {
        post: created.id,
        parent: comment.replyTo ? (commentIds.get(comment.replyTo) as number) : null,
        authorName: comment.authorName,
        authorEmail: comment.authorEmail,
        authorUrl: comment.authorUrl ?? null,
        body: comment.body,
        status: comment.status,
        statusReason: comment.status === 'spam' ? 'Marked as spam (demo content)' : 'Demo content',
        statusRule: 'demo seed',
        ip: DEMO_IPS[index % DEMO_IPS.length],
        userAgent: DEMO_AGENT,
        referrer: null,
        createdAt: new Date(
          publishedAt.getTime() + comment.hoursAfterPublication * HOUR,
        ).toISOString(),
      },
    })
    commentIds.set(comment.key, doc.id)
  }
}

/**
 * Fills an empty database with the demo site: settings, one staff account per role, author
 * profiles, categories, images, posts (current and archived) and comments. All or nothing: it runs in one
 * transaction where the adapter supports them.
 */
export async function seedDemo(
  payload: Payload,
  { password }: { password: string },
): Promise<void> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await payload.updateGlobal({
      slug: 'site-settings',
      req,
      data: { ...DEMO_SITE, showGovBanner: true },
    })

    const users: Ids = new Map()
    for (const account of DEMO_ACCOUNTS) {
      const user = await payload.create({
        collection: 'users',
        req,
        data: { ...account, password },
      })
      users.set(account.email, user.id)
    }
    const authors: Ids = new Map()
    for (const { key, userEmail, ...author } of DEMO_AUTHORS) {
      const doc = await payload.create({
        collection: 'authors',
        req,
        data: { ...author, user: userEmail ? (users.get(userEmail) as number) : null },
      })
      authors.set(key, doc.id)
    }
    const categories: Ids = new Map()
    for (const { key, ...category } of DEMO_CATEGORIES) {
      const doc = await payload.create({ collection: 'categories', req, data: category })
      categories.set(key, doc.id)
    }
    const media: Ids = new Map()
    for (const image of DEMO_IMAGES) {
      const data = await renderDemoImage(image)
      const doc = await payload.create({
        collection: 'media',
        req,
        data: { alt: image.alt, caption: image.caption },
        file: { data, mimetype: 'image/jpeg', name: image.filename, size: data.length },
      })
      media.set(image.key, doc.id)
    }
    for (const post of DEMO_POSTS)
      await seedPost(payload, req, post, { authors, categories, users, media })
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
