import type { SerializedEditorState } from 'lexical'
import {
  convertLexicalToHTML,
  LinkHTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

/** How long a summary made from a post's text may be, in characters. */
export const SUMMARY_LENGTH = 300

/** A post's body as plain text, paragraphs joined by single spaces. */
export function plainTextOf(body: unknown): string {
  if (!body || typeof body !== 'object') return ''
  return convertLexicalToPlaintext({ data: body as SerializedEditorState })
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * What a post is about, for feeds and link previews: its excerpt, or else the start of its text,
 * cut at a word and marked with an ellipsis.
 */
export function summaryOf(post: { excerpt?: string | null; body?: unknown }): string {
  const excerpt = post.excerpt?.trim()
  if (excerpt) return excerpt
  const text = plainTextOf(post.body)
  if (text.length <= SUMMARY_LENGTH) return text
  const cut = text.slice(0, SUMMARY_LENGTH)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > SUMMARY_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`
}

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkHTMLConverter({
    // A link to another post: its public address (drafts and unknown ones have none).
    internalDocToHref: ({ linkNode }) => {
      const doc = linkNode.fields.doc?.value
      return doc && typeof doc === 'object' && 'slug' in doc && typeof doc.slug === 'string'
        ? `/posts/${doc.slug}`
        : '#'
    },
  }),
})

/**
 * A post's body as HTML for feed readers, with Payload's Lexical converter; every site-relative
 * address (images, links to other posts) made absolute, since a feed is read elsewhere.
 */
export function feedHtmlOf(body: unknown, siteUrl: string): string {
  if (!body || typeof body !== 'object') return ''
  const html = convertLexicalToHTML({
    data: body as SerializedEditorState,
    converters,
    disableContainer: true,
  })
  const origin = siteUrl.replace(/\/+$/, '')
  return html.replace(/\b(href|src|srcset)="\/(?!\/)/g, `$1="${origin}/`)
}
