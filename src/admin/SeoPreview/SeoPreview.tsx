'use client'

import { useConfig, useFormFields } from '@payloadcms/ui'

import './seoPreview.css'

const TITLE_MAX = 60
const DESCRIPTION_MAX = 160

const fieldText = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** Cuts at a word boundary with an ellipsis, as search results do. */
function clip(value: string, max: number) {
  if (value.length <= max) return value
  const cut = value.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 15)).trimEnd()}…`
}

/**
 * How a search result for this post would look, from the form as it is being edited: the search
 * title (or the post's), its address and the search description (or the excerpt), with counts
 * against what search engines show.
 */
export function SeoPreview() {
  const { config } = useConfig()
  const fields = useFormFields(([all]) => ({
    title: fieldText(all.title?.value),
    slug: fieldText(all.slug?.value),
    excerpt: fieldText(all.excerpt?.value),
    metaTitle: fieldText(all['meta.title']?.value),
    metaDescription: fieldText(all['meta.description']?.value),
  }))
  const title = fields.metaTitle || fields.title || 'Untitled post'
  const description = fields.metaDescription || fields.excerpt
  const address = `${config.serverURL || ''}/posts/${fields.slug || '…'}`
  return (
    <section className="seo-preview" aria-labelledby="seo-preview-heading">
      <h3 id="seo-preview-heading" className="seo-preview__heading">
        Preview in search results
      </h3>
      <div className="seo-preview__card">
        <p className="seo-preview__url">{address}</p>
        <p className="seo-preview__title">{clip(title, TITLE_MAX)}</p>
        <p className="seo-preview__description">
          {description ? clip(description, DESCRIPTION_MAX) : 'The start of the text is shown.'}
        </p>
      </div>
      <p className="seo-preview__counts">
        Title: {title.length} characters{title.length > TITLE_MAX ? ' (search results cut it)' : ''}
        . Description: {description.length} characters
        {description.length > DESCRIPTION_MAX ? ' (search results cut it)' : ''}.
      </p>
    </section>
  )
}
