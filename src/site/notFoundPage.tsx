import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { NotFoundContent } from '@/components/NotFoundContent'
import { getPayloadClient } from '@/data/getPayloadClient'
import { runtimeOf } from '@/runtime/runtime'

export const notFoundMetadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
}

/**
 * The 404 page, rendered in place inside the site's layout with the status set to 404. Outside
 * our Express front (no response in reach) it falls back to Next's `notFound()`.
 */
export async function notFoundPage() {
  const { responses } = runtimeOf(await getPayloadClient())
  if (!responses.setStatus(404)) notFound()
  return <NotFoundContent />
}
