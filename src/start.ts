/**
 * Start-up: read the configuration, claim the port, build when needed, migrate, seed the demo on
 * an empty database (outside production), then serve. `npm start` runs the production build;
 * `npm run dev` (--dev) runs Next's hot-reloading dev server instead.
 *
 * Both run Node with --conditions=production (or development): Lexical's default Node entry
 * points load their real build through top-level await, which on Node 20 sometimes never settles
 * (start-up then hangs or exits 13 having printed nothing). The condition picks the build directly.
 */
import { readConfig, type AppConfig } from '@/config/appConfig'
import { ConfigError } from '@/config/configError'
import { exitWithMessage as fail } from '@/lib/exitWithMessage'
import { ListenError, listen, type RunningServer } from '@/server/listen'

/** The configuration, or one line saying what to fix. */
function configOrExit(dev: boolean): AppConfig {
  let config: AppConfig
  try {
    config = readConfig()
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`)
    throw error
  }
  // React and Next pick their builds by NODE_ENV; Next sets it when it is unset. A value that
  // contradicts the command would run one build with the other's React.
  const clash = dev ? config.nodeEnv === 'production' : config.nodeEnv === 'development'
  if (clash) {
    fail(
      `Configuration error: NODE_ENV=${config.nodeEnv} does not match \`npm ${dev ? 'run dev' : 'start'}\`; unset it${dev ? '' : ' (or set production)'}`,
    )
  }
  return config
}

const consoleLogger = {
  debug: () => undefined,
  info: (_details: object, message?: string) => message && console.log(message),
  warn: (_details: object, message?: string) => message && console.warn(message),
  error: (_details: object, message?: string) => message && console.error(message),
}

async function main() {
  const dev = process.argv.includes('--dev')
  const config = configOrExit(dev)

  // The port before anything slow: a port in use or a wrong HOST is one line, at once.
  let running: RunningServer
  try {
    running = await listen({
      port: config.port,
      host: config.host,
      logger: consoleLogger,
      drainMs: config.shutdownDrainMs,
    })
  } catch (error) {
    if (error instanceof ListenError) fail(`Start-up stopped: ${error.message}`)
    throw error
  }

  if (!dev) {
    const { ensureBuild } = await import('@/build/ensureBuild')
    try {
      ensureBuild(process.cwd())
    } catch (error) {
      fail(`Build failed: ${(error as Error).message}`)
    }
  }

  // Next first: preparing it sets NODE_ENV (when unset) before React and Payload are loaded.
  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: process.cwd(), hostname: config.host, port: running.port })
  await nextApp.prepare()

  const { bootPayload, exitOnSignals, seedEmptyDatabase } = await import('@/cms/bootPayload')
  const { seedDemo } = await import('@/seed/seedDemo')
  const { DEMO_ACCOUNTS } = await import('@/seed/demoAccounts')
  const { verifyAkismet } = await import('@/spam/akismetStatus')
  const { checkUploadStore } = await import('@/uploads/checkUploadStore')
  const { createApp } = await import('@/server/app')
  const { frontOptions } = await import('@/cms/frontOptions')

  // Jobs run here unless JOBS=off gives them to `npm run worker` (this instance then only queues
  // them).
  const { payload, runtime } = await bootPayload(config, {
    role: 'Start-up',
    runJobs: config.jobs.runInServer,
  })

  await verifyAkismet(payload)
  await checkUploadStore(payload)

  // Outside production, an empty database gets the demo site (once, however many start).
  const seeded =
    !config.production &&
    (await seedEmptyDatabase(payload, async () => {
      payload.logger.info('Empty database: creating the demo site...')
      await seedDemo(payload, { password: config.demo.password })
    }))

  running.serve(createApp(frontOptions(payload, nextApp.getRequestHandler(), { dev })))
  exitOnSignals(payload, (signal) => running.shutdown(signal), 'database closed, bye')

  const base = config.serverUrl
  const lines = [
    '',
    `  ${dev ? 'Development server' : 'Agency blog'} ready (${config.database.kind} database)`,
    `  Site:    ${base}/`,
    `  Admin:   ${base}/admin`,
    `  REST:    ${base}/api   GraphQL: ${base}/api/graphql`,
    `  Health:  ${base}/healthz`,
    `  Uploads: ${runtime.uploads?.location ?? config.mediaDir}`,
    `  Jobs:    ${config.jobs.runInServer ? 'run here' : 'queued here, run by `npm run worker` (JOBS=off)'}`,
  ]
  if (config.database.kind === 'sqlite') lines.push(`  Database: ${config.database.file}`)
  if (!config.production) {
    lines.push(
      seeded ? '  Demo content created. Staff logins:' : '  Demo staff logins (if unchanged):',
      ...DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(10)} ${a.email}`),
      `  Password: ${config.demo.passwordFromEnv ? 'the value of DEMO_PASSWORD' : 'demo-password'}`,
    )
  }
  console.log(lines.join('\n') + '\n')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
