// Streams a large, deterministic WXR 1.2 file for import benchmarks.
// Usage: node --import tsx/esm bench/generate/wxr.ts <file> [posts=500] [commentsPerPost=100]
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const BASE = 'https://bench.example-agency.gov'
const AUTHORS = ['zmarquez', 'dokafor', 'commsoffice']
const WORDS = (
  'lock gate river barge channel dredging permit crew inspection notice level gauge pool ' +
  'towboat ramp portage marina levee bridge closure schedule upstream downstream valve chamber ' +
  'safety volunteers cleanup season water depth mile buoy current flood harbor dock operator'
).split(' ')
// Statuses are chosen by index so counts are exact: post i gets POST_STATUS[i % 10]; comment j
// (0-based within its post) gets APPROVAL[j % 20] ?? '1' and TYPE[j % 20] ?? 'comment'.
const POST_STATUS =
  'publish publish draft publish pending publish private publish future publish'.split(' ')
const APPROVAL: Record<number, string> = { 7: '0', 13: 'spam', 17: 'trash' }
const TYPE: Record<number, string> = { 11: 'pingback', 19: 'trackback' }
const ZERO = '0000-00-00 00:00:00'
const OFFSET_MS = -5 * 3600_000 // the site uses a fixed UTC-5 offset

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const cd = (s: string): string => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
const el = (name: string, v: string | number, raw = false): string =>
  `<wp:${name}>${raw || typeof v === 'number' ? v : cd(v)}</wp:${name}>`
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const sql = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ')
const local = (d: Date): string => sql(new Date(d.getTime() + OFFSET_MS))
const rfc822 = (d: Date): string => d.toUTCString().replace('GMT', '+0000')

export async function writeLargeWxr(
  file: string,
  { posts, commentsPerPost }: { posts: number; commentsPerPost: number },
): Promise<void> {
  const rand = mulberry32(20240304)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const sentence = (): string => cap(words(6 + Math.floor(rand() * 10))) + '.'
  const out = createWriteStream(file, { encoding: 'utf8' })
  const put = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await put(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>Benchmark Navigation Authority</title>
\t<link>${BASE}</link>
\t<description>Generated benchmark data</description>
\t<pubDate>Mon, 04 Mar 2024 14:12:37 +0000</pubDate>
\t<language>en-US</language>
\t${el('wxr_version', '1.2', true)}
\t${el('base_site_url', BASE, true)}
\t${el('base_blog_url', BASE, true)}
`)
  for (const [n, login] of AUTHORS.entries()) {
    await put(`\t<wp:author>${el('author_id', n + 2)}${el('author_login', login)}`)
    await put(`${el('author_email', login + '@example.gov')}${el('author_display_name', login)}`)
    await put(`${el('author_first_name', '')}${el('author_last_name', '')}</wp:author>\n`)
  }
  await put(`\t<wp:category>${el('term_id', 3)}${el('category_nicename', 'operations')}`)
  await put(`${el('category_parent', '')}${el('cat_name', 'Operations')}</wp:category>\n`)
  let commentId = 0
  for (let i = 0; i < posts; i++) {
    const id = 100 + i
    const status = POST_STATUS[i % POST_STATUS.length] as string
    const floating = status === 'draft' || status === 'pending' // no GMT date until published
    const gmt = new Date(Date.UTC(status === 'future' ? 2030 : 2015, 0, 1 + i, 14, 0, 0))
    const title = sentence().slice(0, -1)
    const body = Array.from({ length: 3 }, () => {
      const p = `${sentence()} ${sentence()} <strong>${words(2)}</strong> ${sentence()}`
      return `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`
    }).join('\n\n')
    const slug = floating ? '' : `${title.toLowerCase().replaceAll(' ', '-')}-${id}`
    await put(`\t<item>
\t\t<title>${cd(title)}</title>
\t\t<link>${BASE}/?p=${id}</link>
\t\t<pubDate>${floating ? '' : rfc822(gmt)}</pubDate>
\t\t<dc:creator>${cd(AUTHORS[i % AUTHORS.length] as string)}</dc:creator>
\t\t<guid isPermaLink="false">${BASE}/?p=${id}</guid>
\t\t<description></description>
\t\t<content:encoded>${cd(body)}</content:encoded>
\t\t<excerpt:encoded>${cd(i % 3 === 0 ? sentence() : '')}</excerpt:encoded>
\t\t${el('post_id', id)}
\t\t${el('post_date', local(gmt))}
\t\t${el('post_date_gmt', floating ? ZERO : sql(gmt))}
\t\t${el('comment_status', 'open')}
\t\t${el('ping_status', 'open')}
\t\t${el('post_name', slug)}
\t\t${el('status', status)}
\t\t${el('post_parent', 0)}
\t\t${el('menu_order', 0)}
\t\t${el('post_type', 'post')}
\t\t${el('post_password', '')}
\t\t${el('is_sticky', 0)}
\t\t<category domain="category" nicename="operations">${cd('Operations')}</category>\n`)
    const replyTargets: number[] = [] // earlier approved regular comments of this post
    for (let j = 0; j < commentsPerPost; j++) {
      const cid = ++commentId
      const [approved, type] = [APPROVAL[j % 20] ?? '1', TYPE[j % 20] ?? 'comment']
      const isComment = type === 'comment'
      const parent = isComment && replyTargets.length && rand() < 0.35 ? pick(replyTargets) : 0
      if (isComment && approved === '1') replyTargets.push(cid)
      if (replyTargets.length > 8) replyTargets.shift()
      const when = new Date(gmt.getTime() + (j + 1) * 37 * 60_000)
      const author = isComment ? `Reader ${cid % 997}` : `Linking site ${cid % 89}`
      const email = isComment ? `reader${cid % 997}@example.com` : ''
      const url = isComment ? '' : `https://site${cid % 89}.example.com/${cid}/`
      await put(`\t\t<wp:comment>
\t\t\t${el('comment_id', cid)}
\t\t\t${el('comment_author', author)}
\t\t\t${el('comment_author_email', email)}
\t\t\t${el('comment_author_url', url, true)}
\t\t\t${el('comment_author_IP', `192.0.2.${cid % 250}`)}
\t\t\t${el('comment_date', local(when))}
\t\t\t${el('comment_date_gmt', sql(when))}
\t\t\t${el('comment_content', `${sentence()} ${sentence()}`)}
\t\t\t${el('comment_approved', approved)}
\t\t\t${el('comment_type', type)}
\t\t\t${el('comment_parent', parent)}
\t\t\t${el('comment_user_id', 0)}
\t\t</wp:comment>\n`)
    }
    await put('\t</item>\n')
  }
  out.end('</channel>\n</rss>\n')
  await once(out, 'finish')
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [file, posts = '500', perPost = '100'] = process.argv.slice(2)
  if (!file) throw new Error('usage: generateWxr.ts <file> [posts] [commentsPerPost]')
  await writeLargeWxr(file, { posts: Number(posts), commentsPerPost: Number(perPost) })
}
