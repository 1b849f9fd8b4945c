import type { BenchApp } from '../app'
import { withCpu } from '../cpu'
import { BYPASS_PAGE_CACHE } from '../http'
import { REFUSED_SCRIPT, runWrk, type WrkResult } from '../wrk'

export type FloorRow = WrkResult & {
  floor: (typeof FLOORS)[number]['name']
  path: string
  /** The answer every request must get; a row with any other is reported as an error. */
  expected: 200 | 400
  /** Cores the server process used during the run. */
  serverCores: number
}

const CONNECTIONS = [10, 50]

/**
 * The least each layer costs a request, measured in the same run as the rows it bounds: a row of
 * the writes or reads cannot go faster than the floor of the route it takes.
 */
const FLOORS = [
  {
    name: 'front door (Express): /healthz, one database ping',
    path: '/healthz',
    expected: 200,
  },
  {
    name: 'Payload REST: POST /api/comments refused before any database work (not JSON)',
    path: '/api/comments',
    expected: 400,
    script: REFUSED_SCRIPT,
  },
  {
    name: 'Next render: /search, the layout and a form, no data',
    path: '/search',
    expected: 200,
    headers: BYPASS_PAGE_CACHE,
  },
] as const

/** Each floor with wrk at 10 and 50 connections; every answer must be the expected one. */
export async function floorBenchmark(app: BenchApp, seconds: number): Promise<FloorRow[]> {
  const rows: FloorRow[] = []
  for (const floor of FLOORS) {
    const { name, path, expected } = floor
    for (const connections of CONNECTIONS) {
      const { value, cores } = await withCpu(app.serverPid, () =>
        runWrk({
          url: app.baseUrl + path,
          connections,
          seconds,
          headers: 'headers' in floor ? floor.headers : undefined,
          script: 'script' in floor ? floor.script : undefined,
        }),
      )
      // The refused row's script counts answers by status; the others count on wrk's non-2xx.
      const unexpected =
        expected === 200 ? value.non2xx : value.requests - (value.statuses[String(expected)] ?? 0)
      const socket = Object.values(value.socketErrors).reduce((a, b) => a + b, 0)
      if (unexpected || socket) {
        throw new Error(
          `${path} at ${connections} connections: ${unexpected} answers other than ${expected}, ` +
            `socket errors ${JSON.stringify(value.socketErrors)}`,
        )
      }
      rows.push({ ...value, floor: name, path, expected, serverCores: cores })
    }
  }
  return rows
}
