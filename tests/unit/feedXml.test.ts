import { atomFeed, escapeXml, rssFeed, type FeedPost, type FeedSite } from '@/site/feedXml'

const site: FeedSite = {
  title: 'Navigation Notes',
  description: 'News & updates',
  url: 'https://blog.example.gov/',
  feedUrl: 'https://blog.example.gov/feed.xml',
}
const post = (data: Partial<FeedPost> = {}): FeedPost => ({
  title: 'Locks <reopen> & "more"',
  url: 'https://blog.example.gov/posts/locks-reopen',
  summary: 'Summary with <b>markup</b>',
  publishedAt: '2026-03-04T14:00:00.000Z',
  updatedAt: '2026-03-05T10:00:00.000Z',
  authors: ['Ana Ruiz', 'Bo Chen'],
  archived: false,
  ...data,
})

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    )
  })
})

describe('rssFeed', () => {
  it('lists posts as RSS 2.0 items with escaped text, dates and authors', () => {
    const xml = rssFeed(site, [
      post(),
      post({ title: 'Old', archived: true, url: 'https://blog.example.gov/posts/old' }),
    ])
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/)
    expect(xml).toContain('<title>Locks &lt;reopen&gt; &amp; &quot;more&quot;</title>')
    expect(xml).toContain('<pubDate>Wed, 04 Mar 2026 14:00:00 GMT</pubDate>')
    expect(xml).toContain('<dc:creator>Bo Chen</dc:creator>')
    expect(xml).toContain('<description>Summary with &lt;b&gt;markup&lt;/b&gt;</description>')
    expect(xml).toContain('<title>[Archived] Old</title>')
    expect(xml).toContain('<atom:link href="https://blog.example.gov/feed.xml" rel="self"')
    expect(xml.match(/<item>/g)).toHaveLength(2)
  })
})

describe('atomFeed', () => {
  it('lists posts as Atom entries, updated at the newest post', () => {
    const xml = atomFeed(site, [post()])
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(xml).toContain('<updated>2026-03-05T10:00:00.000Z</updated>')
    expect(xml).toContain('<author><name>Ana Ruiz</name></author>')
    expect(xml).toContain('<id>https://blog.example.gov/posts/locks-reopen</id>')
  })

  it('is still a valid feed with no posts', () => {
    expect(atomFeed(site, [])).toContain('<updated>1970-01-01T00:00:00.000Z</updated>')
  })
})

describe('full content', () => {
  it('adds content:encoded to RSS and content to Atom, escaped, only when given', () => {
    const html = '<p>Locks &amp; dams</p>'
    const rss = rssFeed(site, [post({ contentHtml: html }), post({ contentHtml: null })])
    expect(rss).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"')
    expect(rss).toContain(
      '<content:encoded>&lt;p&gt;Locks &amp;amp; dams&lt;/p&gt;</content:encoded>',
    )
    expect(rss.match(/<content:encoded>/g)).toHaveLength(1)
    const atom = atomFeed(site, [post({ contentHtml: html })])
    expect(atom).toContain('<content type="html">&lt;p&gt;Locks &amp;amp; dams&lt;/p&gt;</content>')
    expect(atomFeed(site, [post()])).not.toContain('<content')
  })
})

describe('featured image', () => {
  const image = {
    url: 'https://blog.example.gov/api/media/file/a&b.jpg',
    type: 'image/jpeg',
    length: 5120,
  }

  it('is an RSS enclosure and an Atom enclosure link, escaped, only when the post has one', () => {
    expect(rssFeed(site, [post({ image })])).toContain(
      '<enclosure url="https://blog.example.gov/api/media/file/a&amp;b.jpg" length="5120" type="image/jpeg"/>',
    )
    expect(atomFeed(site, [post({ image })])).toContain(
      '<link rel="enclosure" href="https://blog.example.gov/api/media/file/a&amp;b.jpg" type="image/jpeg" length="5120"/>',
    )
    expect(rssFeed(site, [post()])).not.toContain('enclosure')
    expect(atomFeed(site, [post()])).not.toContain('enclosure')
  })
})
