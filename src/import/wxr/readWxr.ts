import fs from 'node:fs'

import sax from 'sax'

import {
  WxrError,
  type WxrAuthor,
  type WxrComment,
  type WxrItem,
  type WxrSite,
  type WxrTerm,
} from './wxrTypes'

export type WxrHandlers = {
  site?: (site: WxrSite) => void | Promise<void>
  author?: (author: WxrAuthor) => void | Promise<void>
  term?: (term: WxrTerm) => void | Promise<void>
  item?: (item: WxrItem) => void | Promise<void>
}

const WP_NAMESPACE = /^http:\/\/wordpress\.org\/export\/1\.[12]\/$/

const emptyComment = (): WxrComment => ({
  id: 0,
  parent: 0,
  author: '',
  email: '',
  url: '',
  ip: '',
  dateGmt: '',
  content: '',
  approved: '',
  type: '',
})

const emptyItem = (line: number): WxrItem => ({
  line,
  postId: 0,
  type: '',
  title: '',
  link: '',
  creator: '',
  content: '',
  excerpt: '',
  postName: '',
  status: '',
  dateGmt: '',
  date: '',
  commentStatus: '',
  terms: [],
  comments: [],
})

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_date_gmt': 'dateGmt',
  'wp:post_date': 'date',
  'wp:comment_status': 'commentStatus',
  'wp:post_type': 'type',
}

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  'wp:comment_author': 'author',
  'wp:comment_author_email': 'email',
  'wp:comment_author_url': 'url',
  'wp:comment_author_IP': 'ip',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_content': 'content',
  'wp:comment_approved': 'approved',
  'wp:comment_type': 'type',
}

/**
 * Reads a WXR file as a stream (sax, strict XML), calling the handlers in file order: the site,
 * authors and terms from the channel, then each item with its comments. Only the item being read
 * is held in memory, and reading waits while a handler works. A file that is not XML, not a
 * WordPress export, or cut short throws a WxrError naming the line.
 */
export async function readWxr(file: string, handlers: WxrHandlers = {}): Promise<void> {
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: true })
  const pending: (() => void | Promise<void>)[] = []
  const path: string[] = []
  let text = ''
  let isWxr = false
  let site: WxrSite = { title: '', link: '', baseUrl: '', version: '' }
  let author: WxrAuthor | null = null
  let term: (WxrTerm & { open: boolean }) | null = null
  let item: WxrItem | null = null
  let comment: WxrComment | null = null
  let failure: WxrError | null = null

  parser.onerror = (error) => {
    const reason = error.message.split('\n')[0]
    failure ??= new WxrError(
      /Unclosed root tag|Unexpected end/.test(reason)
        ? `the file ends early, at line ${parser.line + 1}: it is truncated`
        : `not a readable XML file at line ${parser.line + 1}: ${reason}`,
    )
    parser.error = null as unknown as Error
  }
  parser.onopentag = (opened) => {
    // With xmlns on, every tag is qualified: its namespaces and attribute values are known.
    const tag = opened as sax.QualifiedTag
    const name = tag.name
    path.push(name)
    text = ''
    if (path.length === 1) {
      const wp = Object.values(tag.ns ?? {}).some((uri) => WP_NAMESPACE.test(String(uri)))
      isWxr = name === 'rss' && wp
      if (!isWxr) {
        failure ??= new WxrError(
          `not a WordPress export (WXR): the document starts with <${name}> at line ${parser.line + 1}`,
        )
      }
    }
    if (['wp:author', 'wp:category', 'wp:tag', 'item'].includes(name)) sendSite()
    if (name === 'wp:author' && !item) author = { login: '', email: '', displayName: '' }
    if (name === 'wp:category' && !item) term = { kind: 'category', slug: '', name: '', open: true }
    if (name === 'wp:tag' && !item) term = { kind: 'tag', slug: '', name: '', open: true }
    if (name === 'item') item = emptyItem(parser.line + 1)
    if (name === 'wp:comment' && item) comment = emptyComment()
    if (name === 'category' && item) {
      const domain = String(tag.attributes.domain?.value ?? '')
      const nicename = String(tag.attributes.nicename?.value ?? '')
      if (domain === 'category' || domain === 'post_tag') {
        item.terms.push({
          kind: domain === 'category' ? 'category' : 'tag',
          slug: nicename,
          name: '',
        })
      }
    }
  }
  const onText = (chunk: string) => {
    text += chunk
  }
  parser.ontext = onText
  parser.oncdata = onText
  parser.onclosetag = (name) => {
    path.pop()
    const value = text
    text = ''
    if (comment) {
      const field = COMMENT_FIELDS[name]
      if (field) (comment as Record<string, unknown>)[field] = value
      if (name === 'wp:comment_id') comment.id = Number(value)
      if (name === 'wp:comment_parent') comment.parent = Number(value) || 0
      if (name === 'wp:comment') {
        item!.comments.push(comment)
        comment = null
      }
      return
    }
    if (item) {
      const field = ITEM_FIELDS[name]
      if (field && path.at(-1) === 'item') (item as Record<string, unknown>)[field] = value
      if (name === 'wp:post_id') item.postId = Number(value)
      if (name === 'category') {
        const last = item.terms.at(-1)
        if (last && !last.name) last.name = value.trim()
      }
      if (name === 'item') {
        const done = item
        item = null
        if (handlers.item) pending.push(() => handlers.item!(done))
      }
      return
    }
    if (author) {
      if (name === 'wp:author_login') author.login = value.trim()
      if (name === 'wp:author_email') author.email = value.trim()
      if (name === 'wp:author_display_name') author.displayName = value.trim()
      if (name === 'wp:author') {
        const done = author
        author = null
        if (handlers.author) pending.push(() => handlers.author!(done))
      }
      return
    }
    if (term) {
      if (name === 'wp:category_nicename' || name === 'wp:tag_slug') term.slug = value.trim()
      if (name === 'wp:cat_name' || name === 'wp:tag_name') term.name = value.trim()
      if (name === 'wp:category' || name === 'wp:tag') {
        const { kind, slug, name: termName } = term
        term = null
        if (handlers.term) pending.push(() => handlers.term!({ kind, slug, name: termName }))
      }
      return
    }
    if (path.at(-1) === 'channel') {
      if (name === 'title') site = { ...site, title: value.trim() }
      if (name === 'link') site = { ...site, link: value.trim() }
      if (name === 'wp:base_blog_url') site = { ...site, baseUrl: value.trim() }
      if (name === 'wp:wxr_version') site = { ...site, version: value.trim() }
    }
  }
  // The channel's own fields (title, link, base URL) all come before its first author, term or
  // item: the site is handed on then.
  let siteSent = false
  const sendSite = () => {
    if (siteSent || !handlers.site) return
    siteSent = true
    const known = site
    pending.push(() => handlers.site!(known))
  }

  const drain = async () => {
    if (failure) throw failure
    while (pending.length > 0) await pending.shift()!()
  }
  try {
    for await (const chunk of fs.createReadStream(file, {
      encoding: 'utf8',
      highWaterMark: 64 * 1024,
    })) {
      parser.write(chunk as string)
      await drain()
    }
    parser.close()
  } catch (error) {
    if (error instanceof WxrError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new WxrError(`no such file: ${file}`)
    throw error
  }
  if (path.length > 0 && !failure) {
    failure = new WxrError(
      `the file ends early, at line ${parser.line + 1}, inside <${path.at(-1)}>: it is truncated`,
    )
  }
  if (!isWxr && !failure) failure = new WxrError('not a WordPress export (WXR): the file is empty')
  await drain()
}
