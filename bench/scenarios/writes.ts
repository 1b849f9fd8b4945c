import { randomBytes } from 'node:crypto'

import type { BenchApp } from '../app'
import { withCpu } from '../cpu'
import type { Sql } from '../db/sql'
import { sleep } from '../proc'
import { runWrk, SUBMIT_SCRIPT, type WrkResult } from '../wrk'

export type WriteRow = WrkResult & {
  /** 201 answers counted by the wrk script. */
  created: number
  /** Rows in the database with this run's author emails, by status. */
  stored: number
  storedByStatus: Record<string, number>
  /** 201 answers without a row: must be 0. */
  lost: number
  /** Rows stored for requests wrk stopped waiting for at the end of the run. */
  storedUnanswered: number
  /** Cores the server process used during the run. */
  serverCores: number
}

const CONNECTIONS = [10, 50]

async function storedRows(sql: Sql, token: string): Promise<Record<string, number>> {
  const rows = await sql.query(
    'SELECT status, COUNT(*) AS n FROM comments WHERE author_email LIKE ? GROUP BY status',
    [`w-${token}-%`],
  )
  return Object.fromEntries(rows.map((row) => [String(row.status), Number(row.n)]))
}

/**
 * Comment submissions (POST /api/comments) with wrk at 10 and 50 connections, each request with
 * its own body, author and client address (X-Forwarded-For; the app runs with TRUST_PROXY=1, and
 * the flood interval is per address). The 201 answers are then checked against the rows stored.
 */
export async function writeBenchmark(
  app: BenchApp,
  sql: Sql,
  postId: number,
  seconds: number,
  netBase: number,
): Promise<WriteRow[]> {
  const rows: WriteRow[] = []
  for (const [i, connections] of CONNECTIONS.entries()) {
    const token = randomBytes(4).toString('hex')
    const { value: result, cores } = await withCpu(app.serverPid, () =>
      runWrk({
        url: `${app.baseUrl}/api/comments`,
        connections,
        seconds,
        script: SUBMIT_SCRIPT,
        timeoutSeconds: 30,
        env: { BENCH_POST: String(postId), BENCH_RUN: token, BENCH_NET: String(netBase + i) },
      }),
    )
    // Let requests still in the server when wrk stopped finish before counting.
    await sleep(3_000)
    const storedByStatus = await storedRows(sql, token)
    const stored = Object.values(storedByStatus).reduce((a, b) => a + b, 0)
    const created = result.statuses['201'] ?? 0
    rows.push({
      ...result,
      created,
      stored,
      storedByStatus,
      lost: Math.max(0, created - stored),
      storedUnanswered: Math.max(0, stored - created),
      serverCores: cores,
    })
  }
  return rows
}
