import { permanentRedirect } from 'next/navigation'

import { redirectFor } from '@/data/redirects'

import { notFoundPage } from './notFoundPage'

type Query = Record<string, string | string[] | undefined>

/**
 * For a page that found nothing at its path: the path's redirect (308), or the 404 page. Only such
 * pages ask, so a path that resolves normally never costs a redirect lookup.
 */
export async function redirectOrNotFound(path: string, query: Query = {}) {
  const target = await redirectFor(path, query)
  if (target) permanentRedirect(target)
  return notFoundPage()
}
