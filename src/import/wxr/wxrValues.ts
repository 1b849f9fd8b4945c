import { JSDOM } from 'jsdom'

import type { CommentStatus } from '@/comments/rules/statuses'
import { COMMENT_LIMITS } from '@/comments/rules/messages'
import { slugify } from '@/lib/slugify'

/** Percent-decoded, or as it is when it is not valid UTF-8 escapes (old Latin-1 links). */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** WordPress's `2023-04-12 14:03:00` (GMT), as an ISO time; null for its zero date. */
export function wxrDate(gmt: string, local = ''): string | null {
  for (const value of [gmt, local]) {
    const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim())
    if (match && match[1] !== '0000') {
      const iso = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.000Z`
      const date = new Date(iso)
      // A date the calendar does not have (2023-13-01, 2023-02-30) is no date.
      if (!Number.isNaN(date.getTime()) && date.toISOString() === iso) return iso
    }
  }
  return null
}

/** A comment's wp:comment_approved as our status; null for a value WordPress does not write. */
export function commentStatusOf(approved: string): CommentStatus | null {
  const statuses: Record<string, CommentStatus> = {
    '1': 'approved',
    '0': 'pending',
    spam: 'spam',
    trash: 'trash',
    'post-trashed': 'trash',
  }
  return statuses[approved.trim()] ?? null
}

/** wp:post_name (percent-encoded UTF-8 for non-ASCII titles) as one of our slugs. */
export function slugOf(postName: string, title: string): string {
  let name = postName.trim()
  name = safeDecode(name)
  return slugify(name) || slugify(title)
}

/** The path of a post's old address, as requests for it arrive: `/2023/04/lock-gate/`. */
export function legacyPathOf(link: string): string | null {
  if (!URL.canParse(link)) return null
  const { pathname, search } = new URL(link)
  if (pathname === '/' || pathname === '') return null
  return safeDecode(pathname) + (search && !/^\?p=\d+$/.test(search) ? search : '')
}

/**
 * Turns HTML fragments into text with one document for a whole import run: a new DOM per
 * comment would cost a millisecond and a few hundred kilobytes each, at 50,000 comments.
 */
export function createTextReader() {
  const { document } = new JSDOM('').window
  const template = document.createElement('template')
  const textOf = (html: string) => {
    template.innerHTML = html
    return template.content.textContent ?? ''
  }
  return {
    /** A comment's HTML as the plain text our comments hold: paragraphs and breaks kept as lines. */
    commentText(html: string): string {
      return textOf(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*/gi, '</p>\n\n'))
        .replace(/\r\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
        .slice(0, COMMENT_LIMITS.body)
    },
    /** Text of an excerpt or title: tags removed, entities decoded, spaces collapsed. */
    plainText(html: string, limit: number): string {
      return textOf(html).replace(/\s+/g, ' ').trim().slice(0, limit)
    },
  }
}

export type TextReader = ReturnType<typeof createTextReader>
