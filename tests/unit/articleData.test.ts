import type { Author, Media, Post } from '@/payload-types'
import { articleData, jsonForScript } from '@/site/articleData'
import { imageSrcSet, shareImageOf } from '@/site/featuredImage'

const media = (data: Partial<Media> = {}): Media =>
  ({
    id: 1,
    alt: 'The lock at dawn',
    url: '/api/media/file/lock.jpg',
    width: 1600,
    height: 900,
    mimeType: 'image/jpeg',
    filesize: 200_000,
    sizes: {
      thumbnail: { url: '/api/media/file/lock-400x225.jpg', width: 400, height: 225 },
      card: { url: '/api/media/file/lock-800x450.jpg', width: 800, height: 450 },
    },
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...data,
  }) as Media

const author = { id: 3, name: 'Ana Ruiz', slug: 'ana-ruiz' } as Author
const post = (data: Partial<Post> = {}) =>
  ({
    title: 'Lock 14 reopens',
    slug: 'lock-14-reopens',
    excerpt: 'Traffic resumes on Monday.',
    body: null,
    publishedAt: '2026-03-04T14:00:00.000Z',
    updatedAt: '2026-03-05T10:00:00.000Z',
    authors: [author],
    featuredImage: media(),
    ...data,
  }) as unknown as Post

const site = { siteUrl: 'https://blog.example.gov', agencyName: 'River Agency' }

describe('articleData', () => {
  it('describes the post as a schema.org Article with absolute URLs', () => {
    expect(articleData(post(), site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Lock 14 reopens',
      description: 'Traffic resumes on Monday.',
      url: 'https://blog.example.gov/posts/lock-14-reopens',
      mainEntityOfPage: 'https://blog.example.gov/posts/lock-14-reopens',
      datePublished: '2026-03-04T14:00:00.000Z',
      dateModified: '2026-03-05T10:00:00.000Z',
      image: ['https://blog.example.gov/api/media/file/lock.jpg'],
      author: [
        { '@type': 'Person', name: 'Ana Ruiz', url: 'https://blog.example.gov/authors/ana-ruiz' },
      ],
      publisher: {
        '@type': 'GovernmentOrganization',
        name: 'River Agency',
        url: 'https://blog.example.gov',
      },
    })
  })

  it('prefers the search title and description, and has no image without one', () => {
    const data = articleData(
      post({
        featuredImage: null,
        meta: { title: 'Lock 14 open again', description: 'From Monday, all tows.' },
      }),
      site,
    )
    expect(data).toMatchObject({
      headline: 'Lock 14 open again',
      description: 'From Monday, all tows.',
    })
    expect(data).not.toHaveProperty('image')
  })
})

describe('jsonForScript', () => {
  it('cannot close its script element or open markup, and still parses to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> <!-- & \u2028' }
    const json = jsonForScript(data)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual(data)
  })
})

describe('shareImageOf and imageSrcSet', () => {
  it('shares the image chosen for sharing before the featured image', () => {
    const chosen = media({ url: '/api/media/file/card.png', mimeType: 'image/png' })
    expect(shareImageOf(post({ meta: { image: chosen } }))?.url).toBe('/api/media/file/card.png')
    expect(shareImageOf(post())?.url).toBe('/api/media/file/lock.jpg')
    // Not populated (an id only): nothing to share rather than a broken URL.
    expect(shareImageOf(post({ featuredImage: 7 }))).toBeNull()
  })

  it('lists the sizes Payload made and the original, narrowest first', () => {
    expect(imageSrcSet(media())).toBe(
      '/api/media/file/lock-400x225.jpg 400w, /api/media/file/lock-800x450.jpg 800w, /api/media/file/lock.jpg 1600w',
    )
    expect(imageSrcSet(media({ sizes: {} }))).toBeUndefined()
  })
})
