import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../tests/helpers/appProcess'
import { onCpus, serverCpus } from './cpus'
import { runBounded, sleep, terminate } from './proc'

export type StaticServer = {
  /** URL of the file served. */
  url: string
  version: string
  stop: () => Promise<void>
}

function config(prefix: string, root: string, port: number, cacheControl?: string): string {
  // As an origin for a cache: the site's Cache-Control, and Vary for the two copies.
  const originHeaders = cacheControl
    ? ` add_header Cache-Control '${cacheControl}'; gzip_vary on;`
    : ''
  return `# Written by bench/nginx.ts for one run; removed afterwards.
worker_processes 1;
daemon off;
master_process on;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    # A .gz beside the file is sent as it is to clients that accept gzip.
    location / { default_type 'text/html; charset=utf-8'; gzip_static on;${originHeaders} }
  }
}
`
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * Serves `bytes` as a static file with nginx (one worker, access log off, on the servers' cores:
 * bench/cpus.ts) on a free loopback
 * port, from its own configuration and prefix under a temporary directory: never the system
 * service. With `gzipped`, those bytes go to clients that accept gzip (gzip_static). With
 * `cacheControl`, it answers with that Cache-Control (and Vary: Accept-Encoding), as an origin.
 */
export async function startNginx(
  bytes: Buffer,
  fileName = 'page.html',
  gzipped?: Buffer,
  cacheControl?: string,
): Promise<StaticServer> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-blog-bench-nginx-'))
  const root = path.join(prefix, 'root')
  fs.mkdirSync(root)
  // nginx's worker runs as an unprivileged user when started as root: it must be able to read.
  fs.chmodSync(prefix, 0o755)
  fs.chmodSync(root, 0o755)
  fs.writeFileSync(path.join(root, fileName), bytes, { mode: 0o644 })
  if (gzipped) fs.writeFileSync(path.join(root, `${fileName}.gz`), gzipped, { mode: 0o644 })
  const port = await freePort()
  const confFile = path.join(prefix, 'nginx.conf')
  fs.writeFileSync(confFile, config(prefix, root, port, cacheControl))
  const version = (await runBounded('nginx', ['-v'], { timeoutMs: 5_000 })).stderr.trim()

  let output = ''
  const child: ChildProcess = spawn(
    ...onCpus(serverCpus(), 'nginx', ['-p', prefix, '-c', confFile]),
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const stop = async () => {
    if (child.pid) await terminate(child.pid, 5_000)
    fs.rmSync(prefix, { recursive: true, force: true })
  }
  try {
    const deadline = Date.now() + 10_000
    while (!(await listening(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`nginx did not start: ${output}`)
      }
      await sleep(50)
    }
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `http://127.0.0.1:${port}/${fileName}`, version, stop }
}
