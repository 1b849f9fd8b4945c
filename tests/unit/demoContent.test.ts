import sharp from 'sharp'

import { SLUG_PATTERN } from '@/lib/slugify'
import { DEMO_ACCOUNTS } from '@/seed/demoAccounts'
import { DEMO_AUTHORS, DEMO_CATEGORIES, DEMO_POSTS, DEMO_SITE } from '@/seed/demoContent'
import { DEMO_IMAGES, renderDemoImage } from '@/seed/demoImages'

describe('demo content', () => {
  it('has one staff account per role on example.gov', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual([
      'admin',
      'author',
      'editor',
      'moderator',
    ])
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toEqual(
      expect.arrayContaining([
        'admin@example.gov',
        'editor@example.gov',
        'author@example.gov',
        'moderator@example.gov',
      ]),
    )
  })

  it('has at least 8 posts across several years, 3 or more archived', () => {
    expect(DEMO_POSTS.length).toBeGreaterThanOrEqual(8)
    const years = new Set(DEMO_POSTS.map((p) => p.publishedAt.slice(0, 4)))
    expect(years.size).toBeGreaterThanOrEqual(3)
    expect(DEMO_POSTS.filter((p) => p.archived).length).toBeGreaterThanOrEqual(3)
  })

  it('has a post with a table and an FAQ', () => {
    const post = DEMO_POSTS.find(
      (p) =>
        p.body.some((b) => b.type === 'table') &&
        p.body.some((b) => b.type === 'heading' && /frequently asked questions/i.test(b.text)),
    )
    expect(post).toBeDefined()
  })

  it('has a post with an image and a table, its images known and described', () => {
    const post = DEMO_POSTS.find(
      (p) => p.body.some((b) => b.type === 'image') && p.body.some((b) => b.type === 'table'),
    )
    expect(post).toBeDefined()
    const keys = new Set(DEMO_IMAGES.map((image) => image.key))
    const used = DEMO_POSTS.flatMap((p) => p.body).flatMap((b) =>
      b.type === 'image' ? [b.image] : [],
    )
    for (const key of used) expect(keys).toContain(key)
    for (const image of DEMO_IMAGES) expect(image.alt.length).toBeGreaterThan(40)
  })

  it('draws each demo image as a JPEG of its stated size', async () => {
    for (const image of DEMO_IMAGES) {
      const meta = await sharp(await renderDemoImage(image)).metadata()
      expect(meta).toMatchObject({ format: 'jpeg', width: image.width, height: image.height })
    }
  })

  it('has a closed thread with approved comments and an open one with pending, approved and spam', () => {
    const closed = DEMO_POSTS.find(
      (p) =>
        !p.archived &&
        p.commentStatus === 'closed' &&
        p.comments.some((c) => c.status === 'approved'),
    )
    expect(closed).toBeDefined()
    const open = DEMO_POSTS.find((p) => p.commentStatus === 'open' && p.comments.length > 0)
    expect(new Set(open?.comments.map((c) => c.status))).toEqual(
      new Set(['pending', 'approved', 'spam']),
    )
  })

  it('gives every author an official title and links one profile to the demo author account', () => {
    for (const author of DEMO_AUTHORS) expect(author.title.length).toBeGreaterThan(3)
    expect(DEMO_AUTHORS.filter((a) => a.userEmail === 'author@example.gov')).toHaveLength(1)
  })

  it('uses unique, well-formed slugs and only references known authors, categories and comments', () => {
    const slugs = [...DEMO_POSTS, ...DEMO_AUTHORS, ...DEMO_CATEGORIES].map((x) => x.slug)
    for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN)
    expect(new Set(DEMO_POSTS.map((p) => p.slug)).size).toBe(DEMO_POSTS.length)
    const authorKeys = new Set(DEMO_AUTHORS.map((a) => a.key))
    const categoryKeys = new Set(DEMO_CATEGORIES.map((c) => c.key))
    for (const post of DEMO_POSTS) {
      for (const key of post.authors) expect(authorKeys).toContain(key)
      for (const key of post.categories) expect(categoryKeys).toContain(key)
      const seen = new Set<string>()
      for (const comment of post.comments) {
        if (comment.replyTo) expect(seen).toContain(comment.replyTo)
        seen.add(comment.key)
      }
    }
  })

  it('links only to reserved example domains', () => {
    const text = JSON.stringify({ DEMO_SITE, DEMO_AUTHORS, DEMO_POSTS })
    const hosts = [...text.matchAll(/https?:\/\/([^/"\s)]+)/g)].map((m) => m[1])
    for (const host of hosts) expect(host).toMatch(/(^|\.)example\.(gov|org|com)$/)
  })
})
