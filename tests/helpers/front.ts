import type { Payload } from 'payload'

import { frontOptions } from '@/cms/frontOptions'
import { createApp, type FrontOptions, type NextHandler } from '@/server/app'
import { listen, type RunningServer } from '@/server/listen'

/**
 * The Express front as start-up builds it, on a free loopback port, in front of `handle` (Payload's
 * REST handlers, or a stand-in for Next). `options` replaces settings read from the runtime.
 */
export async function startFront(
  payload: Payload,
  handle: NextHandler,
  options: Partial<FrontOptions> = {},
): Promise<RunningServer> {
  const app = createApp({ ...frontOptions(payload, handle), ...options })
  const running = await listen({ port: 0, host: '127.0.0.1', logger: payload.logger })
  running.serve(app)
  return running
}
