import type { Payload } from 'payload'

/**
 * Another instance of the site on the test's database: its own Payload (cached under `key`) and
 * its own runtime (caches, invalidation bus), built from the test's environment plus `env`, as
 * a second server process would build them. Start the first one with startTestPayload.
 */
export async function startSecondInstance(
  key: string,
  env: Record<string, string> = {},
): Promise<{ payload: Payload; stop: () => Promise<void> }> {
  const { getPayload } = await import('payload')
  const { readConfig } = await import('@/config/appConfig')
  const { createPayloadConfig } = await import('@/cms/payloadConfig')
  const { createRuntime } = await import('@/runtime/runtime')
  const { closeDatabase } = await import('@/db/closeDatabase')
  const config = readConfig({ ...process.env, ...env }, { terminal: false })
  const payload = await getPayload({
    config: createPayloadConfig(config, createRuntime(config)),
    key,
  })
  payload.logger.level = process.env.TEST_LOG_LEVEL ?? 'silent'
  return { payload, stop: () => closeDatabase(payload) }
}

/** Resolves once `check()` is true, polling every 20 ms; fails naming `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
