import { startApp, type AppProcess } from '../tests/helpers/appProcess'
import { processesWithEnv, runBounded, sleep, terminate } from './proc'

export type BenchApp = {
  baseUrl: string
  /** The server process (node), npm's child: the one whose memory is measured. */
  serverPid: number
  output: () => string
  stop: () => Promise<void>
}

const BUILD_TIMEOUT_MS = 20 * 60_000
const STOP_TIMEOUT_MS = 30_000

/** Builds the production site when it is missing or older than the sources (bounded in time). */
export async function ensureProductionBuild(): Promise<void> {
  const result = await runBounded('node', ['--import', 'tsx/esm', 'src/build/ensureBuild.ts'], {
    timeoutMs: BUILD_TIMEOUT_MS,
    env: { ...process.env, NODE_OPTIONS: undefined },
    echo: true,
  })
  if (result.code !== 0) {
    throw new Error(
      `The production build failed${result.timedOut ? ' (timed out)' : ''}: ` +
        `${result.stderr.slice(-1500) || result.stdout.slice(-1500)}`,
    )
  }
}

async function childPid(parent: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { stdout } = await runBounded('pgrep', ['-P', String(parent)], { timeoutMs: 5_000 })
    const pid = Number(stdout.trim().split('\n')[0])
    if (pid > 0) return pid
    await sleep(100)
  }
  throw new Error(`npm (pid ${parent}) has no child process`)
}

/** Stops whatever is still running for this data directory (a start that timed out, say). */
export async function stopStragglers(dataDir: string): Promise<void> {
  const pids = processesWithEnv('DATA_DIR', dataDir)
  await Promise.all(pids.map((pid) => terminate(pid, 5_000)))
}

async function stopApp(app: AppProcess, serverPid: number, dataDir: string): Promise<void> {
  const exited = app.stop()
  const timedOut = await Promise.race([
    exited.then(() => false),
    sleep(STOP_TIMEOUT_MS).then(() => true),
  ])
  if (timedOut) console.warn(`The app did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`)
  await terminate(serverPid, 5_000)
  await stopStragglers(dataDir)
}

/**
 * Starts the production server (`npm start` through the tests' startApp) on the run's database,
 * with the fake Akismet, TRUST_PROXY=1 and the given demo password. A failed start is retried once
 * after (re)building: the sources may have changed under the run.
 */
export async function startBenchApp(
  env: Record<string, string>,
  dataDir: string,
): Promise<BenchApp> {
  for (let attempt = 1; ; attempt++) {
    await ensureProductionBuild()
    let app: AppProcess
    try {
      app = await startApp({ LOG_LEVEL: 'warn', TRUST_PROXY: '1', ...env, DATA_DIR: dataDir })
    } catch (error) {
      await stopStragglers(dataDir)
      if (attempt >= 2) throw error
      console.warn(`The app did not start (${String(error).slice(0, 500)}); retrying in 30 s`)
      await sleep(30_000)
      continue
    }
    const serverPid = await childPid(app.child.pid!)
    let stopped: Promise<void> | undefined
    return {
      baseUrl: app.baseUrl,
      serverPid,
      output: app.output,
      stop: () => (stopped ??= stopApp(app, serverPid, dataDir)),
    }
  }
}
