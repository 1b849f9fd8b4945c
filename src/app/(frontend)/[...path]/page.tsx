import { permanentRedirect } from 'next/navigation'

import { postForLegacyPath } from '@/data/legacyRedirects'
import { redirectFor } from '@/data/redirects'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'

// Any address no other route claims: an editor's redirect (collections/Redirects) or an imported
// post's old WordPress address redirects for good (308); anything else is the site's own 404 page,
// inside the site's layout. Without
// this, Next answers with its built-in page, which has no layout (the site's root layout lives in
// a route group beside Payload's).
export const dynamic = 'force-dynamic'

export const metadata = notFoundMetadata

type Props = {
  params: Promise<{ path: string[] }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export default async function UnknownPage({ params, searchParams }: Props) {
  const { path } = await params
  const address = `/${path.map(decodeSegment).join('/')}`
  const query = await searchParams
  const target = (await redirectFor(address, query)) ?? (await postForLegacyPath(address, query))
  if (target) permanentRedirect(target)
  return notFoundPage()
}
