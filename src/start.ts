/**
 * Start-up: check configuration, build when needed, migrate, seed the demo on an empty database
 * (outside production), then serve. `npm start` runs the production build; `npm run dev` (--dev)
 * runs Next's hot-reloading dev server instead.
 *
 * Both run Node with --conditions=production (or development): Lexical's default Node entry
 * points load their real build through top-level await, which on Node 20 sometimes never settles
 * (start-up then hangs or exits 13 having printed nothing). The condition picks the build directly.
 */
import { ConfigError } from '@/config/databaseUrl'
import { readServerEnv, type ServerEnv } from '@/config/serverEnv'

async function main() {
  const dev = process.argv.includes('--dev')

  function fail(message: string): never {
    console.error(message)
    process.exit(1)
  }

  let env: ServerEnv
  try {
    env = readServerEnv()
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`)
    throw error
  }

  // The one secret the server, Next's routes and the CLI all use.
  process.env.PAYLOAD_SECRET = env.secret

  if (!dev) {
    const { ensureBuild } = await import('@/build/ensureBuild')
    try {
      ensureBuild(process.cwd())
    } catch (error) {
      fail(`Build failed: ${(error as Error).message}`)
    }
  }
  // React, Next and Payload read NODE_ENV when they load; env.production above keeps the operator's.
  ;(process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production'

  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { applyMigrations } = await import('@/db/migrations')
  const { isEmptyDatabase, seedDemo } = await import('@/seed/seedDemo')
  const { DEMO_ACCOUNTS } = await import('@/seed/demoAccounts')
  const { createApp, listen } = await import('@/server')
  const { default: next } = await import('next')

  const { runQueuedJobsInThisProcess } = await import('@/jobs/jobRunner')
  runQueuedJobsInThisProcess()
  const payload = await getPayload({ config, cron: true })
  payload.logger.level = env.logLevel

  try {
    await applyMigrations(payload, env.database.kind)
  } catch (error) {
    payload.logger.error({ err: error }, 'database migration failed')
    fail('Start-up stopped: the database could not be migrated (see the error above).')
  }

  const { verifyAkismet } = await import('@/spam/akismetStatus')
  await verifyAkismet(payload)

  let seeded = false
  if (!env.production && (await isEmptyDatabase(payload))) {
    payload.logger.info('Empty database: creating the demo site...')
    await seedDemo(payload, { password: env.demoPassword })
    seeded = true
  }

  const nextApp = next({
    dev,
    dir: process.cwd(),
    hostname: env.host ?? 'localhost',
    port: env.port,
  })
  await nextApp.prepare()
  const app = createApp({
    payload,
    handle: nextApp.getRequestHandler(),
    trustProxy: env.trustProxy,
    https: env.serverUrl.startsWith('https:'),
  })
  const running = await listen(app, payload, { port: env.port, host: env.host })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running
        .shutdown(signal)
        .then(() => process.exit(0))
        .catch((error) => {
          console.error(error)
          process.exit(1)
        })
    })
  }

  const base = process.env.SERVER_URL ? env.serverUrl : `http://localhost:${running.port}`
  const lines = [
    '',
    `  ${dev ? 'Development server' : 'Agency blog'} ready (${env.database.kind} database)`,
    `  Site:    ${base}/`,
    `  Admin:   ${base}/admin`,
    `  REST:    ${base}/api   GraphQL: ${base}/api/graphql`,
    `  Health:  ${base}/healthz`,
  ]
  if (!env.production) {
    lines.push(
      seeded ? '  Demo content created. Staff logins:' : '  Demo staff logins (if unchanged):',
      ...DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(10)} ${a.email}`),
      `  Password: ${process.env.DEMO_PASSWORD ? 'the value of DEMO_PASSWORD' : 'demo-password'}`,
    )
  }
  console.log(lines.join('\n') + '\n')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
