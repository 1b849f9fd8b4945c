import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadCpus, onCpus } from './cpus'
import { runBounded } from './proc'

export type WrkResult = {
  connections: number
  threads: number
  seconds: number
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Answers by HTTP status, when the script counts them (writes). */
  statuses: Record<string, number>
  /** The start of one answer per status other than 201, when the script keeps them. */
  samples: Record<string, string>
  /** wrk's own count of answers outside 2xx/3xx, and socket errors. */
  non2xx: number
  socketErrors: Record<string, number>
}

const SCRIPTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wrk')

/** Comment submissions, each distinct (bench/wrk/submit.lua). */
export const SUBMIT_SCRIPT = path.join(SCRIPTS, 'submit.lua')

/** A POST the comment endpoint refuses before any database work (bench/wrk/refused.lua). */
export const REFUSED_SCRIPT = path.join(SCRIPTS, 'refused.lua')

function toMs(value: string, unit: string): number {
  const n = Number(value)
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n
}

/** Parses `wrk --latency` output (and the submit script's STATUS lines). */
export function parseWrk(output: string): Omit<WrkResult, 'connections' | 'threads' | 'seconds'> {
  const latency = (label: string) => {
    const match = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output)
    return match ? toMs(match[1], match[2]) : NaN
  }
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN)
  const requestsPerSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN)
  const statuses: Record<string, number> = {}
  for (const match of output.matchAll(/^STATUS (\d+) (\d+)$/gm))
    statuses[match[1]] = Number(match[2])
  const samples: Record<string, string> = {}
  for (const match of output.matchAll(/^SAMPLE (\d+) (.*)$/gm)) samples[match[1]] = match[2]
  const socketErrors: Record<string, number> = {}
  const socket = /Socket errors: (.*)$/m.exec(output)?.[1]
  for (const part of socket?.split(',') ?? []) {
    const [name, count] = part.trim().split(/\s+/)
    if (name && Number(count)) socketErrors[name] = Number(count)
  }
  return {
    requests,
    requestsPerSecond,
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    statuses,
    samples,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors,
  }
}

/** One wrk run (-t2 --latency, on the load tool's core: bench/cpus.ts) against `url`, bounded in time. */
export async function runWrk(options: {
  url: string
  connections: number
  seconds: number
  threads?: number
  headers?: Record<string, string>
  script?: string
  env?: Record<string, string>
  /** Seconds before wrk gives up on one answer (its default is 2). */
  timeoutSeconds?: number
}): Promise<WrkResult> {
  const threads = options.threads ?? 2
  const args = [
    `-t${threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    `--timeout`,
    `${options.timeoutSeconds ?? 10}s`,
    '--latency',
  ]
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push('-H', `${name}: ${value}`)
  if (options.script) args.push('-s', options.script)
  args.push(options.url)
  const result = await runBounded(...onCpus(loadCpus(), 'wrk', args), {
    timeoutMs: (options.seconds + (options.timeoutSeconds ?? 10) + 30) * 1000,
    env: { ...process.env, ...options.env },
  })
  if (result.code !== 0 || result.timedOut) {
    throw new Error(
      `wrk ${args.join(' ')} failed (${result.code}): ${result.stderr}${result.stdout}`,
    )
  }
  const parsed = parseWrk(result.stdout)
  if (!Number.isFinite(parsed.requestsPerSecond)) {
    throw new Error(`Could not read wrk's output:\n${result.stdout}${result.stderr}`)
  }
  return { connections: options.connections, threads, seconds: options.seconds, ...parsed }
}
