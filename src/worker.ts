/**
 * The job worker (`npm run worker`): the same configuration as the server, Payload without Next
 * or the Express front, the committed migrations (applied here, or awaited while a web instance
 * applies them), then Payload's own job runner on its crons: moderator and editor emails, the
 * hourly digests, spam rechecks and reports, scheduled publishing and the retention purge. Web
 * instances started with JOBS=off only queue jobs. Several workers may run: each job is claimed
 * by one (src/jobs/runner). It serves nothing public; WORKER_PORT adds a /healthz on 127.0.0.1.
 *
 * SIGTERM or SIGINT: the crons stop, the run in progress finishes (or its jobs go back to the
 * queue after STOP_GRACE_MS), the database closes, exit 0.
 *
 * Payload and the application are imported once the configuration is read, as in start.ts and
 * the CLIs: imported statically, Lexical's module graph sometimes never finished loading.
 */
import http from 'node:http'

import type { Payload } from 'payload'

import { readConfig, type AppConfig } from '@/config/appConfig'
import { ConfigError } from '@/config/configError'
import { exitWithMessage as fail } from '@/lib/exitWithMessage'

function workerConfigOrExit(): AppConfig {
  try {
    return readConfig()
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`)
    throw error
  }
}

/** 200 while the database answers, 503 otherwise; for a service manager or orchestrator. */
function serveWorkerHealth(payload: Payload, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ message: 'Not found.' }] }))
      return
    }
    payload.db
      .count({ collection: 'users', where: {} })
      .then(() => ({ status: 200, body: { status: 'ok', role: 'worker' } }))
      .catch((error: unknown) => {
        payload.logger.warn({ err: error }, 'worker health check: database unavailable')
        return { status: 503, body: { status: 'unavailable' } }
      })
      .then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        res.end(JSON.stringify(body))
      })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

async function runWorker() {
  const config = workerConfigOrExit()
  const { bootPayload, exitOnSignals } = await import('@/cms/bootPayload')
  const { stopJobRunner } = await import('@/jobs/runner/stopJobRunner')

  const { payload } = await bootPayload(config, { role: 'Worker', runJobs: true })

  let health: http.Server | null = null
  if (config.jobs.workerPort !== null) {
    try {
      health = await serveWorkerHealth(payload, config.jobs.workerPort)
    } catch (error) {
      fail(`Worker stopped: WORKER_PORT ${config.jobs.workerPort}: ${(error as Error).message}`)
    }
  }

  exitOnSignals(
    payload,
    async (signal) => {
      payload.logger.info({ signal }, 'job worker stopping')
      health?.close()
      const { finished, released } = await stopJobRunner(payload)
      if (!finished) payload.logger.warn({ released }, 'jobs still running were requeued')
    },
    'job worker stopped, bye',
  )

  payload.logger.info(
    { database: config.database.kind, crons: payload.crons.length, health: config.jobs.workerPort },
    'job worker ready',
  )
  // At once, like the server's ready lines: the JSON log is written asynchronously.
  const healthUrl = health ? `; health: http://127.0.0.1:${config.jobs.workerPort}/healthz` : ''
  console.log(`Job worker ready (${config.database.kind} database)${healthUrl}`)
}

runWorker().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
