import type http from 'node:http'

import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import type { NextHandler } from '@/server/app'
import type { RunningServer } from '@/server/listen'

import { startFront } from './front'
import { fetchRequestOf, writeResponse } from './payloadHandle'

export type SecondInstance = { payload: Payload; front: RunningServer; stop: () => Promise<void> }

/**
 * Another application instance on the test database that startTestPayload made (call that first):
 * its own Payload (cached under `key`), its own runtime and its own Express front behind a trusted
 * proxy, as a second server behind a load balancer has. Only the database is shared. Its REST
 * handler is Payload's own, asked for the instance under `key` (Next's route handlers always use
 * the default one).
 */
export async function startSecondInstance(key: string): Promise<SecondInstance> {
  const { readConfig } = await import('@/config/appConfig')
  const { createPayloadConfig } = await import('@/cms/payloadConfig')
  const { createRuntime } = await import('@/runtime/runtime')
  const { closeDatabase } = await import('@/db/closeDatabase')
  const config = readConfig(process.env, { requireProductionSecret: false })
  const payloadConfig = createPayloadConfig(config, createRuntime(config))
  const payload = await getPayload({ config: payloadConfig, key })
  payload.logger.level = process.env.TEST_LOG_LEVEL ?? 'silent'
  const front = await startFront(payload, restHandlerFor(payloadConfig, key), { trustProxy: 1 })
  return {
    payload,
    front,
    stop: async () => {
      front.server.close()
      await closeDatabase(payload)
    },
  }
}

/** Passes /api requests to Payload's REST endpoints of the instance cached under `key`. */
function restHandlerFor(config: Promise<SanitizedConfig>, key: string): NextHandler {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost:3000')
    if (!url.pathname.startsWith('/api/')) {
      res.statusCode = 404
      res.end()
      return
    }
    const request = await fetchRequestOf(req, url)
    const response = await handleEndpoints({
      config,
      path: url.pathname,
      payloadInstanceCacheKey: key,
      request,
    })
    await writeResponse(res, response)
  }
}
