import type { BenchApp } from '../app'
import type { Cleanup } from '../cleanup'
import { withCpu } from '../cpu'
import { BYPASS_PAGE_CACHE, timedFetch, wireBytes } from '../http'
import { startNginx } from '../nginx'
import { runWrk, type WrkResult } from '../wrk'

export type ReadRow = WrkResult & {
  server:
    | 'nginx'
    | 'page cache'
    | 'Next render'
    | 'Varnish in front'
    | 'nginx, gzip'
    | 'Varnish in front, gzip'
  /** This row's requests/s as a fraction of nginx's at the same connection count. */
  ofNginx: number
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
    for (const connections of CONNECTIONS) {
      const base = { connections, seconds }
      const fromNginx = await runWrk({ ...base, url: nginx.url })
      const fromShared = await withCpu(app.serverPid, () => runWrk({ ...base, url: throughCache }))
      const fromCache = await withCpu(app.serverPid, () => runWrk({ ...base, url }))
      const fromNext = await withCpu(app.serverPid, () =>
        runWrk({ ...base, url, headers: BYPASS_PAGE_CACHE }),
      )
      const of = (r: WrkResult) => r.requestsPerSecond / fromNginx.requestsPerSecond
      rows.push(
        { server: 'nginx', ...fromNginx, ofNginx: 1, serverCores: null },
        {
          server: 'page cache',
          ...fromCache.value,
          ofNginx: of(fromCache.value),
          serverCores: fromCache.cores,
        },
        {
          server: 'Varnish in front',
          ...fromShared.value,
          ofNginx: of(fromShared.value),
          serverCores: fromShared.cores,
        },
        {
          server: 'Next render',
          ...fromNext.value,
          ofNginx: of(fromNext.value),
          serverCores: fromNext.cores,
        },
      )
      const zipBase = { ...base, headers: GZIP }
      const fromNginxZip = await runWrk({ ...zipBase, url: nginx.url })
      const fromSharedZip = await withCpu(app.serverPid, () =>
        runWrk({ ...zipBase, url: throughCache }),
      )
      rows.push(
        { server: 'nginx, gzip', ...fromNginxZip, ofNginx: 1, serverCores: null },
        {
          server: 'Varnish in front, gzip',
          ...fromSharedZip.value,
          ofNginx: fromSharedZip.value.requestsPerSecond / fromNginxZip.requestsPerSecond,
          serverCores: fromSharedZip.cores,
        },
      )
    }
  } finally {
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
