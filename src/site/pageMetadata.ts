import type { Metadata } from 'next'

import { getSiteSettings } from '@/data/siteSettings'

/**
 * A list page's title, description, canonical URL and Open Graph tags, all from one place. (Next
 * replaces a parent's `openGraph` wholesale, so each page states its own, site name included.)
 */
export async function pageMetadata({
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
}): Promise<Metadata> {
  const { siteName } = await getSiteSettings()
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path },
    openGraph: { type: 'website', siteName, title: ogTitle, description, url: path },
  }
}
