import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '@/access/roles'
import type { Author, Comment, Post, User } from '@/payload-types'
import { lexicalFromBlocks } from '@/seed/lexicalFromBlocks'

export const TEST_PASSWORD = 'test-password-123'

export const unique = () => randomBytes(4).toString('hex')

export type Staff = Record<Role, User & { token: string }>

/** One staff account per role, each with a JWT for REST calls. Emails are unique per call. */
export async function createStaff(payload: Payload): Promise<Staff> {
  const staff = {} as Staff
  // The first account ever created becomes an admin, so create the admin first.
  for (const role of ['admin', 'editor', 'author', 'moderator'] as Role[]) {
    const email = `${role}-${unique()}@example.gov`
    const user = await payload.create({
      collection: 'users',
      data: { email, password: TEST_PASSWORD, name: `Test ${role}`, role },
    })
    const { token } = await payload.login({
      collection: 'users',
      data: { email, password: TEST_PASSWORD },
    })
    staff[role] = { ...user, token: token! }
  }
  return staff
}

export async function createAuthor(payload: Payload, data: Partial<Author> = {}): Promise<Author> {
  return payload.create({
    collection: 'authors',
    data: {
      name: `Author ${unique()}`,
      title: 'Deputy Director',
      office: 'Office of Tests',
      ...data,
    } as Author,
  })
}

export function simpleBody(text = 'A paragraph of body text.') {
  return lexicalFromBlocks([{ type: 'paragraph', text }])
}

/** A published post by default; pass `_status: 'draft'` for a draft. */
export async function createPost(
  payload: Payload,
  data: Partial<Omit<Post, 'authors'>> & { authors?: (number | string)[] } = {},
): Promise<Post> {
  const authors = data.authors ?? [(await createAuthor(payload)).id]
  return payload.create({
    collection: 'posts',
    data: {
      title: `Post ${unique()}`,
      body: simpleBody(),
      _status: 'published',
      ...data,
      authors: authors as number[],
    } as Post,
  })
}

export async function createComment(
  payload: Payload,
  post: Post | number | string,
  data: Partial<Comment> = {},
): Promise<Comment> {
  return payload.create({
    collection: 'comments',
    // A stored comment with the given status, as an import would write it; the submission rules
    // are tested through submitComment helpers and the API.
    context: { importing: true },
    data: {
      post: (typeof post === 'object' ? post.id : post) as number,
      authorName: 'Pat Reader',
      authorEmail: `reader-${unique()}@example.com`,
      body: 'Thanks for the update.',
      status: 'approved',
      ip: '192.0.2.1',
      userAgent: 'TestAgent/1.0',
      referrer: 'https://www.example.gov/',
      ...data,
    } as Comment,
  })
}
