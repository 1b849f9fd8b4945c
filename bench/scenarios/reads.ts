import type { BenchApp } from '../app'
import type { Cleanup } from '../cleanup'
import { withCpu } from '../cpu'
import { BYPASS_PAGE_CACHE, timedFetch, wireBytes } from '../http'
import { serverCpus } from '../cpus'
import { startNginx } from '../nginx'
import { startVarnish } from '../../tests/helpers/varnishServer'
import { runWrk, type WrkResult } from '../wrk'

export type ReadRow = WrkResult & {
  server:
    | 'nginx'
    | 'page cache'
    | 'Next render'
    | 'Varnish in front'
    | 'nginx, gzip'
    | 'Varnish in front, gzip'
    | 'Varnish, built-in VCL, gzip'
  /** This row's requests/s as a fraction of nginx's at the same connection count. */
  ofNginx: number
  /** Rows measured in turns with nginx: each round's fraction of nginx, in order. */
  roundsOfNginx?: number[]
  /** Cores our server process used during the run (nginx rows: none measured). */
  serverCores: number | null
}

export type ReadResult = {
  path: string
  bytes: number
  renderedBytes: number
  /** The page as Varnish sends it to clients that do not accept gzip (and nginx's copy of it). */
  plainBytes?: number
  /** The page as Varnish sends it to clients that accept gzip (and nginx's copy of it). */
  gzipBytes?: number
  comments: number
  nginxVersion: string
  rows: ReadRow[]
}

const CONNECTIONS = [10, 50]

/** What browsers send: a shared cache keeps the compressed page and serves it as it is. */
const GZIP = { 'accept-encoding': 'gzip' }

const ROUNDS = 3

type Measured = Omit<ReadRow, 'server'>

/**
 * Runs nginx and each of `others` in turn, ROUNDS times, and keeps for each the round whose
 * fraction of nginx (measured just before it) is the median; nginx's row is its median round.
 */
async function pairedRounds<Name extends ReadRow['server']>(
  nginx: () => Promise<WrkResult>,
  others: Record<Name, () => Promise<WrkResult>>,
  serverPid: number,
): Promise<{ nginx: Measured; others: ReadRow[] }> {
  const names = Object.keys(others) as Name[]
  const nginxRuns: WrkResult[] = []
  const runs = new Map<Name, { result: WrkResult; ratio: number; cores: number }[]>(
    names.map((name) => [name, []]),
  )
  for (let round = 0; round < ROUNDS; round++) {
    const base = await nginx()
    nginxRuns.push(base)
    for (const name of names) {
      const run = await withCpu(serverPid, others[name])
      runs.get(name)!.push({
        result: run.value,
        ratio: run.value.requestsPerSecond / base.requestsPerSecond,
        cores: run.cores,
      })
    }
  }
  const middle = <T>(items: T[], key: (item: T) => number): T =>
    [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]
  return {
    nginx: { ...middle(nginxRuns, (r) => r.requestsPerSecond), ofNginx: 1, serverCores: null },
    others: names.map((name) => {
      const all = runs.get(name)!
      const chosen = middle(all, (r) => r.ratio)
      return {
        server: name,
        ...chosen.result,
        ofNginx: chosen.ratio,
        roundsOfNginx: all.map((r) => r.ratio),
        serverCores: chosen.cores,
      }
    }),
  }
}

/**
 * The post page with 50 approved comments, with wrk at 10 and 50 connections: from our page
 * cache, rendered by Next (a cookie that is no session bypasses the page cache), through the
 * shared cache in front (Debian's Varnish with deploy/varnish/default.vcl, at `cacheBase`), and
 * the same bytes as a static file from nginx, in the same run.
 */
export async function readBenchmark(
  app: BenchApp,
  slug: string,
  seconds: number,
  cleanup: Cleanup,
  cacheBase: string,
): Promise<ReadResult> {
  const path = `/posts/${slug}`
  const url = app.baseUrl + path
  await timedFetch(url)
  const cached = await timedFetch(url)
  if (cached.status !== 200) throw new Error(`${path} answered ${cached.status}`)
  const comments = cached.body.match(/<li[^>]*id="comment-\d+"/g)?.length ?? 0
  const rendered = await timedFetch(url, { headers: BYPASS_PAGE_CACHE })
  // Varnish keeps two copies: a plain one for clients that do not take gzip (wrk by default: the
  // plain rows) and a gzipped one for those that do (browsers: the gzip rows). nginx is given
  // exactly the bytes of each. Each copy is a render of its own, a few bytes apart from the page
  // cache's (another nonce, relative dates).
  const throughCache = cacheBase + path
  await wireBytes(throughCache, {})
  const plain = await wireBytes(throughCache, {})
  if (plain.status !== 200 || plain.encoding !== null) {
    throw new Error(`Varnish answered ${plain.status}, ${plain.encoding} to plain clients`)
  }
  await wireBytes(throughCache, GZIP)
  const compressed = await wireBytes(throughCache, GZIP)
  if (compressed.status !== 200 || compressed.encoding !== 'gzip') {
    throw new Error(`Varnish answered ${compressed.status}, ${compressed.encoding} to gzip clients`)
  }
  const nginx = await startNginx(plain.body, 'page.html', compressed.body)
  // Stopped below, or by the run's clean-up when the run is interrupted.
  const forget = cleanup.add('nginx', nginx.stop)
  // Varnish itself, without our VCL: its built-in one in front of nginx serving the same bytes
  // with the site's Cache-Control. What Varnish costs on this machine, whatever the VCL.
  const origin = await startNginx(
    plain.body,
    'page.html',
    compressed.body,
    cached.headers.get('cache-control') ?? 'public, s-maxage=60',
  )
  const forgetOrigin = cleanup.add('nginx (origin)', origin.stop)
  const builtin = await startVarnish(
    Number(new URL(origin.url).port),
    undefined,
    serverCpus(),
    true,
  )
  const forgetBuiltin = cleanup.add('Varnish (built-in VCL)', builtin.stop)
  const builtinUrl = builtin.url + new URL(origin.url).pathname
  const rows: ReadRow[] = []
  try {
    const check = await wireBytes(nginx.url, {})
    if (check.status !== 200 || !check.body.equals(plain.body)) {
      throw new Error(`nginx answered ${check.status} with ${check.body.length} bytes`)
    }
    const zipped = await wireBytes(nginx.url, GZIP)
    if (zipped.encoding !== 'gzip' || !zipped.body.equals(compressed.body)) {
      throw new Error('nginx did not serve the compressed bytes Varnish serves')
    }
    await wireBytes(builtinUrl, GZIP)
    const viaBuiltin = await wireBytes(builtinUrl, GZIP)
    if (viaBuiltin.encoding !== 'gzip' || !viaBuiltin.body.equals(compressed.body)) {
      throw new Error('Varnish with its built-in VCL did not serve the compressed bytes')
    }
    for (const connections of CONNECTIONS) {
      const base = { connections, seconds }
      const zipBase = { ...base, headers: GZIP }
      const fromCache = await withCpu(app.serverPid, () => runWrk({ ...base, url }))
      const fromNext = await withCpu(app.serverPid, () =>
        runWrk({ ...base, url, headers: BYPASS_PAGE_CACHE }),
      )
      // nginx and the shared cache take turns, ROUNDS times: the rows are the median round, so
      // that one noisy run on this small machine does not decide the ratio.
      const plainRounds = await pairedRounds(
        () => runWrk({ ...base, url: nginx.url }),
        { 'Varnish in front': () => runWrk({ ...base, url: throughCache }) },
        app.serverPid,
      )
      const gzipRounds = await pairedRounds(
        () => runWrk({ ...zipBase, url: nginx.url }),
        {
          'Varnish in front, gzip': () => runWrk({ ...zipBase, url: throughCache }),
          'Varnish, built-in VCL, gzip': () => runWrk({ ...zipBase, url: builtinUrl }),
        },
        app.serverPid,
      )
      const fromNginx = plainRounds.nginx
      const of = (r: WrkResult) => r.requestsPerSecond / fromNginx.requestsPerSecond
      rows.push(
        { ...plainRounds.nginx, server: 'nginx' },
        {
          server: 'page cache',
          ...fromCache.value,
          ofNginx: of(fromCache.value),
          serverCores: fromCache.cores,
        },
        ...plainRounds.others,
        {
          server: 'Next render',
          ...fromNext.value,
          ofNginx: of(fromNext.value),
          serverCores: fromNext.cores,
        },
        { ...gzipRounds.nginx, server: 'nginx, gzip' },
        ...gzipRounds.others,
      )
    }
  } finally {
    await builtin.stop()
    forgetBuiltin()
    await origin.stop()
    forgetOrigin()
    await nginx.stop()
    forget()
  }
  return {
    path,
    bytes: cached.bytes,
    renderedBytes: rendered.bytes,
    plainBytes: plain.body.length,
    gzipBytes: compressed.body.length,
    comments,
    nginxVersion: nginx.version,
    rows,
  }
}
