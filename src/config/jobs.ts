import { ConfigError } from './configError'

/** Where queued jobs run: in this web instance, or only in `npm run worker`. */
export type JobsConfig = {
  /**
   * JOBS: `on` (the default, one instance) runs the queues and schedules in the server; `off`
   * only queues them, for a worker (`npm run worker`) to run. The worker ignores it.
   */
  readonly runInServer: boolean
  /** WORKER_PORT: the worker's /healthz on 127.0.0.1 (null = no health endpoint). */
  readonly workerPort: number | null
}

function parseJobsSwitch(value: string | undefined): boolean {
  const raw = value?.trim().toLowerCase()
  if (!raw || raw === 'on') return true
  if (raw === 'off') return false
  throw new ConfigError(
    `JOBS "${value}" is not on or off (off = this instance only queues jobs; run \`npm run worker\`)`,
  )
}

function parseWorkerPort(value: string | undefined): number | null {
  const raw = value?.trim()
  if (!raw) return null
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`WORKER_PORT "${value}" is not a port number (1-65535)`)
  }
  return port
}

export function readJobsConfig(env: Record<string, string | undefined>): JobsConfig {
  return { runInServer: parseJobsSwitch(env.JOBS), workerPort: parseWorkerPort(env.WORKER_PORT) }
}
