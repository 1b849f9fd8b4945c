import { runtimeOf } from '@/runtime/runtime'

import { getPayloadClient } from './getPayloadClient'

/**
 * The public base URL for pages, feeds and metadata: SERVER_URL or its default, as read at
 * start-up. Never the request's Host header, which a client chooses.
 */
export async function siteUrl(): Promise<string> {
  return runtimeOf(await getPayloadClient()).config.serverUrl
}
