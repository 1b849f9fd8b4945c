import { spawn } from 'node:child_process'
import fs from 'node:fs'

export type RunResult = { code: number | null; stdout: string; stderr: string; timedOut: boolean }

/**
 * Runs a command to completion within `timeoutMs` (then SIGKILL), collecting its output. Never
 * throws for a non-zero exit: the caller decides.
 */
export function runBounded(
  command: string,
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
      if (options.echo) process.stdout.write(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
      if (options.echo) process.stderr.write(chunk)
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, timedOut })
    })
  })
}

/** Whether `command` is on the PATH. */
export async function onPath(command: string): Promise<boolean> {
  const { code } = await runBounded('sh', ['-c', `command -v ${command}`], { timeoutMs: 5_000 })
  return code === 0
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether the process `pid` is still running (and not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) Z/.test(stat)
  } catch {
    return false
  }
}

/** Sends SIGTERM, then SIGKILL after `graceMs` if the process is still there. */
export async function terminate(pid: number, graceMs = 10_000): Promise<void> {
  if (!alive(pid)) return
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + graceMs
  while (alive(pid) && Date.now() < deadline) await sleep(100)
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Gone in between.
    }
  }
}

/**
 * Processes whose environment holds `NAME=value` exactly: the app processes started for one data
 * directory, found even when the helper that started them has lost their handle.
 */
export function processesWithEnv(name: string, value: string): number[] {
  const wanted = `${name}=${value}`
  const found: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0')
      if (environ.includes(wanted)) found.push(Number(entry))
    } catch {
      // Exited, or not ours to read.
    }
  }
  return found
}
