import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './appProcess'

export type VarnishServer = { url: string; stop: () => Promise<void> }

/**
 * Debian's varnishd in the foreground on a loopback port (`port`, else a free one), running the
 * repository's deploy/varnish/default.vcl with its backend pointed at `originPort`; resolves
 * once it answers (at most 20 s); `cpus` runs it under taskset (the benchmark's pinning).
 * `builtinVcl` runs Varnish's own built-in VCL instead (`-b`), for the benchmark's measure of
 * Varnish itself. Stop it in afterAll.
 */
export async function startVarnish(
  originPort: number,
  port?: number,
  cpus?: string | null,
  builtinVcl = false,
): Promise<VarnishServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-blog-varnish-'))
  // Started as root, varnishd reads the VCL as its own unprivileged user.
  fs.chmodSync(dir, 0o755)
  const vcl = fs
    .readFileSync(path.join(process.cwd(), 'deploy/varnish/default.vcl'), 'utf8')
    .replace('.port = "3000";', `.port = "${originPort}";`)
  if (!vcl.includes(`"${originPort}"`)) throw new Error('default.vcl names no backend port 3000')
  fs.writeFileSync(path.join(dir, 'test.vcl'), vcl)
  port ??= await freePort()
  const varnishdArgs = [
    '-F',
    '-a',
    `127.0.0.1:${port}`,
    ...(builtinVcl ? ['-b', `127.0.0.1:${originPort}`] : ['-f', path.join(dir, 'test.vcl')]),
    '-n',
    path.join(dir, 'n'),
    '-s',
    'malloc,32m',
  ]
  const child = cpus
    ? spawn('/usr/bin/taskset', ['-c', cpus, '/usr/sbin/varnishd', ...varnishdArgs], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn('/usr/sbin/varnishd', varnishdArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        fs.rmSync(dir, { recursive: true, force: true })
        resolve()
      }
      if (child.exitCode !== null) return done()
      child.once('exit', done)
      child.kill('SIGTERM')
    })
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited:\n${output}`)
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      return { url, stop }
    } catch {
      if (Date.now() > deadline) {
        await stop()
        throw new Error(`varnishd did not answer within 20 s:\n${output}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
