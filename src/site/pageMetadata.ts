import type { Metadata } from 'next'

/**
 * A list page's title, description, canonical URL and Open Graph tags, all from one place. (Next
 * replaces a parent's `openGraph` wholesale, so each page states its own.)
 */
export function pageMetadata({
  title,
  ogTitle = title,
  description,
  path,
}: {
  /** The page's own title (the layout adds the site name); none on the home page. */
  title?: string
  ogTitle?: string
  description: string
  path: string
}): Metadata {
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path },
    openGraph: { type: 'website', title: ogTitle, description, url: path },
  }
}
