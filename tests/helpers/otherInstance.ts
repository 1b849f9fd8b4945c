import { getPayload, type Payload } from 'payload'

/**
 * Another Payload on the test file's database (whose settings are already in process.env), with
 * a runtime of its own, as a second server or a worker is: `key` keeps it apart in Payload's
 * instance cache ('a', 'b'); `runsJobs` as a server with JOBS=on or a worker. Not migrated.
 * Close it with closeDatabase before the test database is dropped.
 */
export async function startOtherInstance(
  key: string,
  { runsJobs }: { runsJobs: boolean },
): Promise<Payload> {
  const { readConfig } = await import('@/config/appConfig')
  const { createPayloadConfig } = await import('@/cms/payloadConfig')
  const { createRuntime } = await import('@/runtime/runtime')
  const config = readConfig(process.env)
  const runtime = createRuntime(config)
  runtime.jobs.runHere = runsJobs
  const payload = await getPayload({ config: createPayloadConfig(config, runtime), key })
  payload.logger.level = process.env.TEST_LOG_LEVEL ?? 'silent'
  return payload
}
