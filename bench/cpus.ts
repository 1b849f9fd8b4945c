import fs from 'node:fs'
import os from 'node:os'

/**
 * Who runs where during a measurement: wrk on the first core, and the servers it compares (nginx,
 * Varnish) on the others, so the load tool and the server never take each other's CPU and both
 * servers get the same share (on two cores: one each). The app is not pinned: Node's garbage
 * collector and libuv use threads of their own. Nothing is pinned on one core or without
 * util-linux's taskset.
 */
const TASKSET = '/usr/bin/taskset'

function cores(): number {
  return fs.existsSync(TASKSET) ? os.availableParallelism() : 1
}

/** The cores for wrk, or null when nothing is pinned. */
export function loadCpus(): string | null {
  return cores() >= 2 ? '0' : null
}

/** The cores for nginx and Varnish, or null when nothing is pinned. */
export function serverCpus(): string | null {
  const n = cores()
  if (n < 2) return null
  return n === 2 ? '1' : `1-${n - 1}`
}

/** `command args` run on `cpus` (taskset execs it: the same process id), or as it is. */
export function onCpus(cpus: string | null, command: string, args: string[]): [string, string[]] {
  return cpus ? [TASKSET, ['-c', cpus, command, ...args]] : [command, args]
}
