import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { isSafeLinkUrl } from '@/lib/safeLinkUrl'
import type { Post } from '@/payload-types'

type LexicalNode = { type?: string; fields?: { url?: unknown }; children?: LexicalNode[] }

/** The first link in a rich-text value whose target is not safe (see isSafeLinkUrl). */
export function unsafeLinkIn(richText: unknown): string | null {
  const stack: LexicalNode[] = [(richText as { root?: LexicalNode } | null)?.root ?? {}]
  while (stack.length) {
    const node = stack.pop()!
    const url = node.fields?.url
    if ((node.type === 'link' || node.type === 'autolink') && typeof url === 'string') {
      if (url.trim() && !isSafeLinkUrl(url)) return url
    }
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return null
}

/**
 * A link in a post's body must lead to a web, mail or phone address or a page of the site: a
 * `javascript:` or `data:` link would run or show whatever it carries to every reader who
 * follows it, so saving one is refused (400, naming the link).
 */
export const rejectUnsafeLinks: CollectionBeforeValidateHook<Post> = ({ data, req }) => {
  const url = unsafeLinkIn(data?.body)
  if (url) {
    throw new ValidationError({
      collection: 'posts',
      errors: [
        {
          path: 'body',
          message: `Links must be web (http, https), mail or phone addresses or pages of this site: "${url.slice(0, 80)}" is not.`,
        },
      ],
      req,
    })
  }
  return data
}
