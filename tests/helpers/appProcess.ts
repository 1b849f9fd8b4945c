import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type AppProcess = {
  baseUrl: string
  /** The environment it was started with. */
  env: Record<string, string | undefined>
  child: ChildProcess
  output: () => string
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>
  exited: Promise<number | null>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'agency-blog-e2e-'))
}

/**
 * Runs `npm start` (or `npm run dev`) as a child process, on its own port and data directory,
 * and waits until it prints that it is ready. `npm start` needs the production build
 * (scripts/test.mjs builds it before the e2e suite).
 */
export async function startApp(
  env: Record<string, string | undefined> = {},
  {
    script = 'start',
    ready: readyLine = /ready \(/,
  }: { script?: 'start' | 'dev' | 'worker'; ready?: RegExp } = {},
): Promise<AppProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const dataDir = tempDataDir()
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NODE_OPTIONS: undefined,
    NODE_ENV: undefined,
    DATABASE_URL: undefined,
    PAYLOAD_SECRET: undefined,
    SERVER_URL: undefined,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    ...env,
  }
  const child = spawn('npm', ['run', script, '--silent'], {
    cwd: process.cwd(),
    env: merged as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 120 s:\n${output}`)), 120_000)
    const check = () => {
      if (readyLine.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before it was ready:\n${output}`))
    })
  })
  await ready
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    env: merged,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

/** Runs start-up expecting it to refuse: resolves with the exit code and everything it printed. */
export async function runAppExpectingExit(env: Record<string, string | undefined>) {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_OPTIONS: undefined,
      DATA_DIR: tempDataDir(),
      PORT: String(await freePort()),
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, output }
}
