/**
 * `npm run bench -- [--database=sqlite|postgres] [--scales=10000,100000,1000000] [--quick]`
 *
 * Measures the blog at volume (issue 10). For the chosen database it starts the production server
 * once (migrations, demo content), stops it, bulk-inserts generated posts and comments with raw
 * SQL, then at each scale starts the server again and measures: sequential request timings (home
 * page, the big post's first and last comment pages, site search, the moderation queue, the badge
 * counts, the CSV export), the post page with 50 comments under wrk against nginx serving the same bytes,
 * comment submissions under wrk (201 answers against rows stored), and the time from a
 * moderator's approval to the comment on the page; plus the server's resident memory. Prints
 * markdown tables and writes bench/results/<YYYY-MM-DD>-<database>.json. Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto'

import { startFakeAkismet } from '../tests/helpers/fakeAkismet'
import { ensureProductionBuild, startBenchApp } from './app'
import { Cleanup } from './cleanup'
import { createBenchDatabase, type BenchDatabase } from './db/benchDatabase'
import { tableIndexes } from './db/schema'
import type { Sql } from './db/sql'
import type { GrowthStep } from './generate/comments'
import { createDataset, type Dataset } from './generate/dataset'
import { login } from './http'
import { describeMachine } from './machine'
import { readMemory } from './memory'
import { parseOptions, type BenchOptions } from './options'
import { markdown, writeJson, type BenchReport, type ScaleReport } from './report'
import { approvalBenchmark } from './scenarios/approval'
import { floorBenchmark } from './scenarios/floors'
import { readBenchmark } from './scenarios/reads'
import { scaleBenchmark } from './scenarios/scale'
import { writeBenchmark } from './scenarios/writes'
import { ensureTools } from './tools'
import { freePort } from '../tests/helpers/appProcess'
import { startVarnish } from '../tests/helpers/varnishServer'
import { serverCpus } from './cpus'

const log = (line: string) => console.log(line)

type RunContext = {
  options: BenchOptions
  db: BenchDatabase
  sql: Sql
  dataset: Dataset
  appEnv: Record<string, string>
  password: string
  cleanup: Cleanup
  /** Where Varnish listens in front of the app (the app purges it: CDN_PURGE_URL). */
  cachePort: number
}

/** Runs one scenario; a failure is recorded (with the end of the server's log) and the run goes on. */
async function attempt<T>(
  result: ScaleReport,
  name: string,
  output: () => string,
  work: () => Promise<T>,
): Promise<T | null> {
  log(`  ${name}...`)
  const started = performance.now()
  try {
    const value = await work()
    log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return value
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    result.errors.push(`${name}: ${message.slice(0, 1500)}`)
    console.error(`  ${name} failed: ${message}\n  server log (end):\n${output().slice(-2000)}`)
    return null
  }
}

async function measureScale(
  ctx: RunContext,
  index: number,
  comments: number,
  generation: GrowthStep,
): Promise<ScaleReport> {
  const { options, dataset } = ctx
  const result: ScaleReport = {
    comments,
    generation,
    memory: null,
    scale: null,
    reads: null,
    floors: null,
    writes: null,
    approval: null,
    approvalThroughCache: null,
    errors: [],
  }
  log(`Measuring at ${comments} comments: starting the server...`)
  const app = await startBenchApp(ctx.appEnv, ctx.db.dataDir)
  const forget = ctx.cleanup.add('the app', app.stop)
  const varnish = await startVarnish(Number(new URL(app.baseUrl).port), ctx.cachePort, serverCpus())
  const forgetVarnish = ctx.cleanup.add('Varnish', varnish.stop)
  const cacheBase = `http://127.0.0.1:${ctx.cachePort}`
  try {
    const start = readMemory(app.serverPid)
    const stages: { stage: string; peakMiB: number }[] = []
    const mark = (stage: string) =>
      stages.push({ stage, peakMiB: readMemory(app.serverPid).peakMiB })
    mark('start-up')
    const tokens = {
      moderator: await login(app.baseUrl, 'moderator@example.gov', ctx.password),
      admin: await login(app.baseUrl, 'admin@example.gov', ctx.password),
    }
    const { big, fifty, writes } = dataset.posts
    result.scale = await attempt(result, 'sequential requests', app.output, () =>
      scaleBenchmark(
        app,
        big.slug,
        tokens,
        options.samples,
        dataset.comments.toggleCommentId(),
        dataset.posts.everyPostWord,
      ),
    )
    for (const row of result.scale?.rows ?? []) {
      if (row.peakMiB !== undefined) stages.push({ stage: row.name, peakMiB: row.peakMiB })
    }
    result.reads = await attempt(result, 'reads (wrk, nginx)', app.output, () =>
      readBenchmark(app, fifty.slug, options.durationSeconds, ctx.cleanup, cacheBase),
    )
    mark('reads (wrk, 10 and 50 connections)')
    result.writes = await attempt(result, 'writes (wrk)', app.output, () =>
      writeBenchmark(app, ctx.sql, writes.id, options.durationSeconds, 11 + 2 * index),
    )
    for (const row of result.writes ?? []) {
      if (row.lost || !row.created) {
        result.errors.push(
          `writes at ${row.connections} connections: ${row.created} answered 201, ` +
            `${row.stored} rows stored, ${row.lost} lost; other answers ${JSON.stringify(row.samples)}`,
        )
      }
    }
    mark('writes (wrk, 10 and 50 connections)')
    result.approval = await attempt(result, 'approval to visibility', app.output, () =>
      approvalBenchmark(app, tokens.moderator, writes.slug, writes.id, options.quick ? 3 : 5),
    )
    result.approvalThroughCache = await attempt(
      result,
      'approval to visibility through Varnish',
      app.output,
      () =>
        approvalBenchmark(
          app,
          tokens.moderator,
          writes.slug,
          writes.id,
          options.quick ? 3 : 5,
          cacheBase,
        ),
    )
    mark('approval to visibility (app, then Varnish)')
    const end = readMemory(app.serverPid)
    result.memory = { startMiB: start.rssMiB, peakMiB: end.peakMiB, afterMiB: end.rssMiB, stages }
    // Last, after the memory above: 50 connections of refused requests grow V8's heap by about
    // 200 MiB of garbage (run 16), which would otherwise stand in the peak of every scale.
    result.floors = await attempt(result, 'floors (wrk)', app.output, () =>
      floorBenchmark(app, options.durationSeconds),
    )
    mark('floors (wrk, 10 and 50 connections; after the memory above)')
  } catch (error) {
    result.errors.push(String(error instanceof Error ? error.message : error))
    console.error(`Measuring at ${comments} comments failed: ${String(error)}`)
  } finally {
    await varnish.stop()
    forgetVarnish()
    await app.stop()
    forget()
  }
  return result
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  const startedAt = new Date()
  const report: BenchReport = {
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    command: options.command,
    options,
    machine: describeMachine(),
    database: { kind: options.database, label: options.database, commentIndexes: [] },
    posts: { generated: 0, seconds: 0, designated: {} },
    leftToDefault: [],
    scales: [],
    errors: [],
  }
  const cleanup = new Cleanup()
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up...`)
    void cleanup.run().finally(() => process.exit(130))
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)

  try {
    await ensureTools(['nginx', 'wrk', 'varnishd'])
    await ensureProductionBuild()
    const akismet = await startFakeAkismet()
    cleanup.add('the fake Akismet', akismet.stop)
    const db = await createBenchDatabase(options.database, options.keep)
    cleanup.add('the database', db.drop)
    report.database.label = db.label
    const password = `bench-${randomBytes(8).toString('hex')}`
    const cachePort = await freePort()
    const appEnv = {
      ...db.appEnv,
      CDN_PURGE_URL: `http://127.0.0.1:${cachePort}`,
      DEMO_PASSWORD: password,
      AKISMET_API_KEY: akismet.validKey,
      AKISMET_API_URL: akismet.url,
    }
    log(`First start on ${db.label}: migrations and the demo content...`)
    const first = await startBenchApp(appEnv, db.dataDir)
    await first.stop()

    const sql = await db.connect()
    cleanup.add('the SQL connection', sql.close)
    const dataset = await createDataset(sql, options.posts, Math.max(...options.scales), log)
    report.posts = {
      generated: dataset.posts.count,
      seconds: dataset.posts.seconds,
      designated: {
        fifty: dataset.posts.fifty.slug,
        big: dataset.posts.big.slug,
        writes: dataset.posts.writes.slug,
      },
    }
    report.leftToDefault = [
      ...dataset.posts.leftToDefault.map((c) => (c.includes('.') ? c : `posts.${c}`)),
      ...dataset.comments.leftToDefault.map((c) => `comments.${c}`),
    ]
    report.database.commentIndexes = await tableIndexes(sql, 'comments')
    const ctx: RunContext = { options, db, sql, dataset, appEnv, password, cleanup, cachePort }
    for (const [index, comments] of options.scales.entries()) {
      const generation = await dataset.growTo(comments)
      report.scales.push(await measureScale(ctx, index, comments, generation))
    }
  } catch (error) {
    report.errors.push(String(error instanceof Error ? error.message : error))
    console.error(error)
  } finally {
    await cleanup.run()
  }
  report.finishedAt = new Date().toISOString()
  console.log(`\n${markdown(report)}\n`)
  console.log(`Results written to ${await writeJson(report)}`)
  const failed = report.errors.length + report.scales.reduce((n, s) => n + s.errors.length, 0)
  return failed ? 1 : 0
}

process.exitCode = await main()
