import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

let ticksPerSecond: number | undefined

/** CPU time (user + system, seconds) the process `pid` has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
}

/** Runs `work` and reports the share of one core the process used meanwhile (1 = one core). */
export async function withCpu<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ value: T; cores: number }> {
  const cpuBefore = cpuSeconds(pid)
  const started = performance.now()
  const value = await work()
  const seconds = (performance.now() - started) / 1000
  return { value, cores: (cpuSeconds(pid) - cpuBefore) / Math.max(seconds, 0.001) }
}
