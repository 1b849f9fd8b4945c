import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'

// Any address no other route claims: the site's own 404 page, inside the site's layout. Without
// this, Next answers with its built-in page, which has no layout (the site's root layout lives in
// a route group beside Payload's).
export const dynamic = 'force-dynamic'

export const metadata = notFoundMetadata

export default function UnknownPage() {
  return notFoundPage()
}
