import { publicCacheControl } from '@/config/publicCache'
import type { Payload } from 'payload'

import { publicSiteSettings } from '@/data/publicSiteSettings'
import { runtimeOf } from '@/runtime/runtime'
import { analyticsSourcesOf } from '@/site/analytics'
import type { FrontOptions, NextHandler } from '@/server/app'

/**
 * What the Express front needs from a running Payload: its logger, a one-query health probe, and
 * the runtime's page store and response scope. The front itself never sees Payload.
 */
export function frontOptions(
  payload: Payload,
  handle: NextHandler,
  { dev = false }: { dev?: boolean } = {},
): FrontOptions {
  const runtime = runtimeOf(payload)
  return {
    logger: payload.logger,
    trustProxy: runtime.config.trustProxy,
    https: runtime.config.serverUrl.startsWith('https:'),
    dev,
    analytics: async () => analyticsSourcesOf(await publicSiteSettings(payload)),
    renders: runtime.config.renders,
    ping: () => payload.db.count({ collection: 'users', req: undefined, where: {} }),
    pages: {
      store: runtime.pages,
      generation: () => runtime.content.generation,
      cacheControl: publicCacheControl(runtime.config.publicCache),
    },
    responses: runtime.responses,
    handle,
  }
}
