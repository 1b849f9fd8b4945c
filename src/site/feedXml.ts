/** What a feed needs to know about the site and each post; absolute URLs only. */
export type FeedSite = { title: string; description: string; url: string; feedUrl: string }
export type FeedPost = {
  title: string
  url: string
  summary: string
  publishedAt: string
  updatedAt: string
  authors: string[]
  archived: boolean
  /** The whole post as HTML with absolute links, when the site's feeds carry full content. */
  contentHtml?: string | null
  /** The featured image, as an enclosure (absolute URL, MIME type, size in bytes). */
  image?: { url: string; type: string; length: number } | null
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Escapes text for XML and drops characters XML 1.0 cannot carry at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c])
}

const label = (post: FeedPost) => (post.archived ? `[Archived] ${post.title}` : post.title)

/** RSS 2.0, newest first as given. */
export function rssFeed(site: FeedSite, posts: FeedPost[]): string {
  const items = posts
    .map(
      (post) => `    <item>
      <title>${escapeXml(label(post))}</title>
      <link>${escapeXml(post.url)}</link>
      <guid isPermaLink="true">${escapeXml(post.url)}</guid>
      <pubDate>${new Date(post.publishedAt).toUTCString()}</pubDate>
${post.authors.map((name) => `      <dc:creator>${escapeXml(name)}</dc:creator>\n`).join('')}      <description>${escapeXml(post.summary)}</description>
${post.image ? `      <enclosure url="${escapeXml(post.image.url)}" length="${post.image.length}" type="${escapeXml(post.image.type)}"/>\n` : ''}${post.contentHtml ? `      <content:encoded>${escapeXml(post.contentHtml)}</content:encoded>\n` : ''}    </item>`,
    )
    .join('\n')
  const lastBuild = posts[0]
    ? new Date(posts[0].updatedAt).toUTCString()
    : new Date(0).toUTCString()
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${escapeXml(site.title)}</title>
    <link>${escapeXml(site.url)}</link>
    <description>${escapeXml(site.description)}</description>
    <language>en-us</language>
    <lastBuildDate>${lastBuild}</lastBuildDate>
    <atom:link href="${escapeXml(site.feedUrl)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`
}

/** Atom 1.0, newest first as given. */
export function atomFeed(site: FeedSite, posts: FeedPost[]): string {
  const updated = posts[0]?.updatedAt ?? new Date(0).toISOString()
  const entries = posts
    .map(
      (post) => `  <entry>
    <title>${escapeXml(label(post))}</title>
    <link href="${escapeXml(post.url)}"/>
${post.image ? `    <link rel="enclosure" href="${escapeXml(post.image.url)}" type="${escapeXml(post.image.type)}" length="${post.image.length}"/>\n` : ''}    <id>${escapeXml(post.url)}</id>
    <published>${new Date(post.publishedAt).toISOString()}</published>
    <updated>${new Date(post.updatedAt).toISOString()}</updated>
${post.authors.map((name) => `    <author><name>${escapeXml(name)}</name></author>\n`).join('')}    <summary>${escapeXml(post.summary)}</summary>
${post.contentHtml ? `    <content type="html">${escapeXml(post.contentHtml)}</content>\n` : ''}  </entry>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-us">
  <title>${escapeXml(site.title)}</title>
  <subtitle>${escapeXml(site.description)}</subtitle>
  <link href="${escapeXml(site.url)}"/>
  <link href="${escapeXml(site.feedUrl)}" rel="self"/>
  <id>${escapeXml(site.url)}</id>
  <updated>${new Date(updated).toISOString()}</updated>
${entries}
</feed>
`
}
