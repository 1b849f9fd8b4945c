/** What a WordPress export (WXR 1.1 / 1.2) holds, as read from the file, before any mapping. */

export type WxrSite = { title: string; link: string; baseUrl: string; version: string }

export type WxrAuthor = { login: string; email: string; displayName: string }

export type WxrTerm = { kind: 'category' | 'tag'; slug: string; name: string }

export type WxrComment = {
  id: number
  parent: number
  author: string
  email: string
  url: string
  ip: string
  dateGmt: string
  content: string
  approved: string
  type: string
}

export type WxrItem = {
  /** The line the item starts on, for messages. */
  line: number
  postId: number
  type: string
  title: string
  link: string
  creator: string
  content: string
  excerpt: string
  postName: string
  status: string
  dateGmt: string
  date: string
  commentStatus: string
  terms: WxrTerm[]
  comments: WxrComment[]
}

/** A file that cannot be imported at all: said with the line where reading stopped. */
export class WxrError extends Error {
  override name = 'WxrError'
}
