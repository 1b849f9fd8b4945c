import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

/** A server the test started (HAProxy, Varnish, ...), stopped in afterAll. */
export type Daemon = {
  name: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** Resolves once something accepts TCP connections on the port, or fails after `timeoutMs`. */
export async function waitForPort(port: number, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port })
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`${what} is not listening on ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Runs a server in the foreground as a child process; stop() sends SIGTERM and waits. */
export function startDaemon(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Daemon {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    name,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * Debian's HAProxy with the project's own deploy/haproxy/haproxy.cfg, balancing between the two
 * instances at `servers`, on `port`.
 */
export async function startHaproxy(port: number, servers: [number, number]): Promise<Daemon> {
  const daemon = startDaemon(
    'haproxy',
    '/usr/sbin/haproxy',
    ['-f', 'deploy/haproxy/haproxy.cfg', '-db'],
    {
      BLOG_LB_BIND: `127.0.0.1:${port}`,
      BLOG_APP_A: `127.0.0.1:${servers[0]}`,
      BLOG_APP_B: `127.0.0.1:${servers[1]}`,
    },
  )
  await waitForPort(port, 'HAProxy')
  // Until a health check has passed, HAProxy answers 503 itself.
  await within('HAProxy sends requests to an instance', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null)
    return res?.status === 200
  }).catch((error: Error) => {
    throw new Error(`${error.message}\n${daemon.output()}`)
  })
  return daemon
}

/** Polls `read` until it returns a value, at most `timeoutMs`; fails naming `what`. */
export async function within<T>(
  what: string,
  read: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
