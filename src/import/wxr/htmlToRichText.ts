import { convertHTMLToLexical } from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'

import { isSafeLinkUrl } from '@/lib/safeLinkUrl'

type EditorConfig = Parameters<typeof convertHTMLToLexical>[0]['editorConfig']
type LexicalNode = { type: string; children?: LexicalNode[]; [key: string]: unknown }
export type RichText = ReturnType<typeof convertHTMLToLexical>

/** Shortcodes WordPress itself defines: their markup is kept (caption) or dropped, never shown. */
const CORE_SHORTCODES = new Set([
  'caption',
  'wp_caption',
  'gallery',
  'audio',
  'video',
  'playlist',
  'embed',
])
const BLOCK_START = /^<(?:p|h[1-6]|ul|ol|li|blockquote|table|figure|div|pre|hr|img)[\s>/]/i

/**
 * WordPress's wpautop, as far as classic posts need it: text separated by blank lines is a
 * paragraph and a single line break inside one is a `<br>`. Block-editor posts (with
 * `<!-- wp:` comments) are already in paragraphs.
 */
function classicParagraphs(html: string): string {
  if (html.includes('<!-- wp:') || /<pre[\s>]/i.test(html)) return html
  return html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>')}</p>`))
    .join('\n')
}

/**
 * Shortcodes: `[caption]` becomes a figure (its image, then its text as a paragraph); WordPress's
 * other own shortcodes and any other paired `[name]…[/name]` or `[name attr="…"]` are removed and
 * reported. A lone `[word]` without attributes is prose and stays.
 */
function shortcodes(html: string, report: (note: string) => void): string {
  let out = html.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_, inner: string) => {
    const image = /<a[^>]*>\s*<img[^>]*>\s*<\/a>|<img[^>]*>/i.exec(inner)?.[0] ?? ''
    const caption = inner.replace(image, '').trim()
    return `<figure>${image}</figure>${caption ? `<p>${caption}</p>` : ''}`
  })
  out = out.replace(
    /\[(\/?)([a-z][a-z0-9_-]*)((?:\s+[^\]]*)?)\]/gi,
    (whole, closing: string, name: string, attributes: string) => {
      const lower = name.toLowerCase()
      const paired = new RegExp(`\\[\\/${name}\\]`, 'i').test(out)
      if (!CORE_SHORTCODES.has(lower) && !paired && !attributes.includes('=')) return whole
      if (!closing) report(`shortcode [${lower}] removed`)
      return ''
    },
  )
  return out
}

export type ConvertOptions = {
  editorConfig: EditorConfig
  /** The media id for an image address, when the uploads were given and hold it. */
  mediaFor: (src: string) => Promise<number | string | null>
  report: (note: string) => void
}

/**
 * A WordPress post body (HTML with block comments and shortcodes) as our Lexical rich text,
 * through Payload's own HTML converter and the posts editor's features: paragraphs, headings,
 * lists, links, quotes, tables, images. An image becomes an upload when its file was imported,
 * else a link to its original address. Unsafe links lose their address.
 */
export async function htmlToRichText(html: string, options: ConvertOptions): Promise<RichText> {
  // Paragraphs first: they tell block-editor posts (with `<!-- wp:` comments) from classic ones.
  const prepared = shortcodes(
    classicParagraphs(html).replace(/<!--[\s\S]*?-->/g, ''),
    options.report,
  )
  const { document } = new JSDOM(`<body>${prepared}</body>`).window
  for (const heading of document.querySelectorAll('h1, h5, h6')) {
    const level = heading.tagName === 'H1' ? 'h2' : 'h4'
    const replacement = document.createElement(level)
    replacement.innerHTML = heading.innerHTML
    heading.replaceWith(replacement)
  }
  for (const link of document.querySelectorAll('a[href]')) {
    if (!isSafeLinkUrl(link.getAttribute('href') ?? '')) {
      options.report('unsafe link address removed')
      link.removeAttribute('href')
    }
  }
  const uploads = new Map<string, number | string>()
  for (const image of document.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? ''
    const media = src ? await options.mediaFor(src) : null
    if (media !== null) {
      uploads.set(src, media)
      continue
    }
    if (!isSafeLinkUrl(src) || src.startsWith('data:')) {
      options.report('images with an unusable address removed')
      image.remove()
      continue
    }
    const link = document.createElement('a')
    link.setAttribute('href', src)
    link.textContent = image.getAttribute('alt') || src.split('/').pop() || 'image'
    image.replaceWith(link)
  }
  const state = convertHTMLToLexical({
    editorConfig: options.editorConfig,
    html: document.body.innerHTML,
    JSDOM,
  })
  state.root.children = resolveUploads(state.root.children as LexicalNode[], uploads) as never
  return state
}

/** The converter leaves images as pending uploads: point them at the imported media. */
function resolveUploads(
  nodes: LexicalNode[],
  uploads: Map<string, number | string>,
): LexicalNode[] {
  return nodes.flatMap((node) => {
    if (node.type === 'upload') {
      const src = (node.pending as { src?: string } | undefined)?.src ?? ''
      const value = uploads.get(src)
      if (value === undefined) return []
      return [
        {
          type: 'upload',
          version: 3,
          format: '',
          id: node.id,
          fields: null,
          relationTo: 'media',
          value,
        },
      ]
    }
    return node.children ? [{ ...node, children: resolveUploads(node.children, uploads) }] : [node]
  })
}
