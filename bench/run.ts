/**
 * `npm run bench`: starts the production server on a fresh SQLite database with the demo
 * content, then times requests from this process over loopback. Every figure is reported as a
 * ratio to a baseline measured in the same run (GET /healthz: Express plus one database query),
 * so results compare across machines. Also reports the server's resident memory.
 *
 *   npm run bench [-- --requests=300 --concurrency=8]
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'

import { startApp } from '../tests/helpers/appProcess'

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`))
  return found ? Number(found.split('=')[1]) : fallback
}
const REQUESTS = arg('requests', 300)
const CONCURRENCY = arg('concurrency', 8)

type Target = { name: string; path: string; init?: RequestInit }

async function timeRequests(base: string, target: Target) {
  const durations: number[] = []
  let next = 0
  const worker = async () => {
    while (next < REQUESTS) {
      next++
      const started = performance.now()
      const res = await fetch(base + target.path, target.init)
      await res.arrayBuffer()
      if (res.status >= 400) throw new Error(`${target.path} answered ${res.status}`)
      durations.push(performance.now() - started)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const seconds = (performance.now() - started) / 1000
  durations.sort((a, b) => a - b)
  const pick = (q: number) =>
    durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]
  return { median: pick(0.5), p95: pick(0.95), perSecond: durations.length / seconds }
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

const app = await startApp({ LOG_LEVEL: 'warn' })
try {
  const posts = await fetch(`${app.baseUrl}/api/posts?limit=1&sort=-publishedAt`).then((r) =>
    r.json(),
  )
  const slug = posts.docs[0].slug as string
  // The Express page cache passes signed-in requests through; a cookie that is no session makes
  // Next render the page for an anonymous reader, as on a cache miss.
  const bypass: RequestInit = { headers: { cookie: 'payload-token=not-a-session' } }
  const targets: Target[] = [
    { name: 'GET /healthz (baseline)', path: '/healthz' },
    { name: 'GET / (home page)', path: '/' },
    { name: 'GET / (rendered by Next, page cache bypassed)', path: '/', init: bypass },
    { name: `GET /posts/<slug> (comments and form)`, path: `/posts/${slug}` },
    { name: `GET /posts/<slug> (rendered by Next)`, path: `/posts/${slug}`, init: bypass },
    { name: 'GET /feed.xml', path: '/feed.xml' },
    { name: 'GET /api/posts?limit=10', path: '/api/posts?limit=10' },
    {
      name: 'POST /api/graphql (10 posts)',
      path: '/api/graphql',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ Posts(limit: 10) { docs { title slug excerpt } } }' }),
      },
    },
  ]
  // Warm-up: first renders compile and fill caches.
  for (const target of targets)
    await fetch(app.baseUrl + target.path, target.init).then((r) => r.arrayBuffer())

  const results = []
  for (const target of targets)
    results.push({ ...target, ...(await timeRequests(app.baseUrl, target)) })
  const baseline = results[0]
  // npm start execs node as npm's child: measure that process, not npm.
  const pid = Number(execSync(`pgrep -P ${app.child.pid}`).toString().trim().split('\n')[0])
  console.log(
    `\n${REQUESTS} requests per row, ${CONCURRENCY} at a time, loopback, SQLite, demo content\n`,
  )
  console.log('| request | median ms | p95 ms | req/s | median vs baseline |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${(r.median / baseline.median).toFixed(1)}x |`,
    )
  }
  console.log(`\nServer resident memory after the run: ${rssMiB(pid).toFixed(0)} MiB`)
} finally {
  await app.stop()
}
