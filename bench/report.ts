import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import prettier from 'prettier'

import { BIG_SHARE, type GrowthStep } from './generate/comments'
import type { Machine } from './machine'
import type { BenchOptions } from './options'
import type { ApprovalResult } from './scenarios/approval'
import type { FloorRow } from './scenarios/floors'
import type { ReadResult } from './scenarios/reads'
import type { ScaleResult } from './scenarios/scale'
import type { WriteRow } from './scenarios/writes'

export type ScaleReport = {
  comments: number
  generation: GrowthStep
  /** Server resident memory (MiB): after start-up, peak over the scale's run, after the load. */
  memory: {
    startMiB: number
    peakMiB: number
    afterMiB: number
    /** The peak (VmHWM) as each stage ended: the stage that raised it is where it was reached. */
    stages?: { stage: string; peakMiB: number }[]
  } | null
  scale: ScaleResult | null
  reads: ReadResult | null
  /** The least a request costs on each route the reads and writes take (absent before run 16). */
  floors?: FloorRow[] | null
  writes: WriteRow[] | null
  approval: ApprovalResult | null
  /** The same, the page read through Varnish in front (purged by the app on the approval). */
  approvalThroughCache?: ApprovalResult | null
  /** A scenario that failed: its message (the others still ran). */
  errors: string[]
}

export type BenchReport = {
  date: string
  startedAt: string
  finishedAt: string
  command: string
  options: BenchOptions
  machine: Machine
  database: { kind: string; label: string; commentIndexes: string[] }
  posts: { generated: number; seconds: number; designated: Record<string, string> }
  /** Columns the generator left to their defaults (it does not know them). */
  leftToDefault: string[]
  scales: ScaleReport[]
  errors: string[]
}

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results')

const n0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–')
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–')
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%` : '–')
const scaleName = (v: number) =>
  v >= 1_000_000 && v % 1_000_000 === 0
    ? `${v / 1_000_000}M`
    : v >= 1_000 && v % 1_000 === 0
      ? `${v / 1_000}k`
      : String(v)

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join(
    '\n',
  )
}

const others = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([status]) => status !== '201')
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ') || '0'

export function markdown(report: BenchReport): string {
  const { machine, options } = report
  const out: string[] = []
  out.push(`## Benchmark: ${report.database.kind}, ${report.date}`)
  out.push('')
  out.push(`- Command: \`${report.command}\``)
  out.push(
    `- Machine: ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGiB.toFixed(1)} GiB ` +
      `RAM, ${machine.kernel}; Node ${machine.node}`,
  )
  out.push(`- Database: ${report.database.label}`)
  out.push(
    `- Data: ${n0(report.posts.generated)} generated posts (plus the demo's); comments per ` +
      `scale below, ${BIG_SHARE * 100}% of them on the big post; the post page with 50 comments ` +
      `is /posts/${report.posts.designated.fifty}`,
  )
  out.push(
    `- Load: wrk -t2, ${options.durationSeconds} s per row; ${options.samples} sequential ` +
      'requests per timed row; everything on loopback, load generator and server on the same machine',
  )
  out.push(
    `- server CPU: the share of one core the server process used during a wrk run ` +
      `(it may use more than one: Node's threads and the database driver's)`,
  )
  const scales = report.scales
  out.push('', '### Data generation (raw SQL, batched multi-row INSERTs in transactions)', '')
  out.push(
    table(
      [
        'comments',
        'added',
        's',
        'rows/s',
        'approved',
        'pending',
        'spam',
        'trash',
        'replies',
        'on big post',
      ],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      scales.map(({ comments, generation: g }) => [
        scaleName(comments),
        n0(g.added),
        n1(g.seconds),
        n0(g.rowsPerSecond),
        n0(g.byStatus.approved),
        n0(g.byStatus.pending),
        n0(g.byStatus.spam),
        n0(g.byStatus.trash),
        n0(g.replies),
        n0(g.onBigPost),
      ]),
    ),
  )

  out.push('', '### Reads: the post page with 50 approved comments', '')
  out.push(
    table(
      [
        'comments',
        'served by',
        'conns',
        'req/s',
        'p50 ms',
        'p99 ms',
        'of nginx',
        'server CPU',
        'non-2xx',
      ],
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      scales.flatMap(({ comments, reads }) =>
        (reads?.rows ?? []).map((r) => [
          scaleName(comments),
          r.server,
          String(r.connections),
          n0(r.requestsPerSecond),
          n1(r.p50Ms),
          n1(r.p99Ms),
          pct(r.ofNginx) +
            (r.roundsOfNginx
              ? ` (rounds ${r.roundsOfNginx.map((x) => Math.round(x * 100)).join(', ')})`
              : ''),
          r.serverCores === null ? '' : pct(r.serverCores),
          n0(r.non2xx + Object.values(r.socketErrors).reduce((a, b) => a + b, 0)),
        ]),
      ),
    ),
  )
  const firstReads = scales.find((s) => s.reads)?.reads
  if (firstReads) {
    out.push(
      '',
      `Page: ${firstReads.path}, ${n0(firstReads.bytes)} bytes from the page cache ` +
        `(${n0(firstReads.renderedBytes)} rendered), ${firstReads.comments} comments; ${firstReads.nginxVersion}.` +
        (firstReads.gzipBytes
          ? ` Varnish (deploy/varnish/default.vcl) keeps the page plain (${n0(firstReads.plainBytes ?? 0)} bytes) and gzipped (${n0(firstReads.gzipBytes)} bytes, the gzip rows); nginx serves the same bytes (gzip_static). nginx and the Varnish rows take turns, three rounds each; a row is its median round, with every round's share of nginx in brackets. "Varnish, built-in VCL" is Varnish with none of our VCL in front of nginx serving the same bytes: Varnish's own speed here.`
          : ''),
    )
  }

  out.push('', '### Writes: POST /api/comments (distinct body and client address per request)', '')
  out.push(
    table(
      [
        'comments',
        'conns',
        'req/s',
        'p50 ms',
        'p99 ms',
        'server CPU',
        '201',
        'other answers',
        'rows stored',
        'lost',
      ],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
      scales.flatMap(({ comments, writes }) =>
        (writes ?? []).map((w) => [
          scaleName(comments),
          String(w.connections),
          n1(w.requestsPerSecond),
          n0(w.p50Ms),
          n0(w.p99Ms),
          pct(w.serverCores),
          n0(w.created),
          others(w.statuses) +
            (Object.keys(w.socketErrors).length
              ? `; socket ${JSON.stringify(w.socketErrors)}`
              : ''),
          n0(w.stored) + (w.storedUnanswered ? ` (${w.storedUnanswered} unanswered at stop)` : ''),
          n0(w.lost),
        ]),
      ),
    ),
  )

  const samples = scales.flatMap(({ comments, writes }) =>
    (writes ?? []).flatMap((w) =>
      Object.entries(w.samples).map(
        ([status, text]) => `${scaleName(comments)}, ${w.connections} conns, ${status}: ${text}`,
      ),
    ),
  )
  if (samples.length)
    out.push('', 'Other answers, one of each:', '', ...samples.map((s) => `- ${s}`))

  const floorRows = scales.flatMap(({ comments, floors }) =>
    (floors ?? []).map((f) => [
      scaleName(comments),
      f.floor,
      String(f.connections),
      n0(f.requestsPerSecond),
      n1(f.p50Ms),
      n1(f.p99Ms),
      pct(f.serverCores),
    ]),
  )
  if (floorRows.length) {
    out.push('', '### Floors: the least a request costs on each route', '')
    out.push(
      table(
        ['comments', 'route', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'server CPU'],
        ['r', 'l', 'r', 'r', 'r', 'r', 'r'],
        floorRows,
      ),
      '',
      "A submission goes through Payload's REST route and a rendered page through Next: neither " +
        'can answer faster than that route answers a request that does nothing.',
    )
  }

  out.push('', '### Approval to visibility (moderator approves, reader sees the comment)', '')
  out.push(
    table(
      [
        'comments',
        'page read from',
        'probes',
        'median ms',
        'max ms',
        'approve request median ms',
        'page reads',
      ],
      ['r', 'l', 'r', 'r', 'r', 'r', 'l'],
      scales.flatMap(({ comments, approval, approvalThroughCache }) =>
        [
          ['the app', approval],
          ['Varnish in front', approvalThroughCache],
        ]
          .filter((row): row is [string, ApprovalResult] => Boolean(row[1]))
          .map(([from, result]) => [
            scaleName(comments),
            from,
            String(result.visible.n),
            n0(result.visible.median),
            n0(result.visible.max),
            n0(result.approve.median),
            result.polls.join(', '),
          ]),
      ),
    ),
  )

  out.push('', '### Per scale: sequential requests, ms to the last byte', '')
  out.push(
    table(
      ['comments', 'request', 'n', 'median ms', 'p95 ms', 'first ms', 'bytes'],
      ['r', 'l', 'r', 'r', 'r', 'r', 'r'],
      scales.flatMap(({ comments, scale }) =>
        (scale?.rows ?? []).map((r) => [
          scaleName(comments),
          r.name,
          String(r.n),
          n1(r.median),
          n1(r.p95),
          n1(r.firstMs),
          n0(r.bytes),
        ]),
      ),
    ),
  )
  const lastPages = scales
    .filter((s) => s.scale)
    .map((s) => `${scaleName(s.comments)}: ${s.scale!.lastCommentPage}`)
  if (lastPages.length) out.push('', `Big post's last comment page: ${lastPages.join(', ')}.`)

  out.push('', '### Server memory (resident set, MiB)', '')
  out.push(
    table(
      ['comments', 'at start', 'peak (VmHWM)', 'after the load'],
      ['r', 'r', 'r', 'r'],
      scales
        .filter((s) => s.memory)
        .map(({ comments, memory }) => [
          scaleName(comments),
          n0(memory!.startMiB),
          n0(memory!.peakMiB),
          n0(memory!.afterMiB),
        ]),
    ),
  )
  const staged = scales.filter((s) => s.memory?.stages?.length)
  if (staged.length) {
    out.push('', '### Where the peak was reached (VmHWM as each stage ended, MiB)', '')
    out.push(
      table(
        ['comments', 'stage', 'peak so far'],
        ['r', 'l', 'r'],
        staged.flatMap(({ comments, memory }) =>
          memory!.stages!.map(({ stage, peakMiB }) => [scaleName(comments), stage, n0(peakMiB)]),
        ),
      ),
    )
  }
  if (report.leftToDefault.length) {
    out.push(
      '',
      `Columns left to their defaults by the generator: ${report.leftToDefault.join(', ')}.`,
    )
  }
  const errors = [
    ...report.errors,
    ...scales.flatMap((s) => s.errors.map((e) => `${scaleName(s.comments)}: ${e}`)),
  ]
  if (errors.length) out.push('', '### Errors', '', ...errors.map((e) => `- ${e}`))
  return out.join('\n')
}

/**
 * Writes bench/results/<YYYY-MM-DD>-<database>.json (`-quick` for --quick runs), formatted by the
 * repository's Prettier settings so `npm run lint` accepts a committed result.
 */
export async function writeJson(report: BenchReport): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const suffix = report.options.quick ? '-quick' : ''
  const file = path.join(RESULTS_DIR, `${report.date}-${report.database.kind}${suffix}.json`)
  const options = (await prettier.resolveConfig(file)) ?? {}
  const text = await prettier.format(JSON.stringify(report), { ...options, filepath: file })
  fs.writeFileSync(file, text)
  return file
}
