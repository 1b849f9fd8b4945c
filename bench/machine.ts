import fs from 'node:fs'
import os from 'node:os'

export type Machine = {
  cpuModel: string
  cpus: number
  memoryGiB: number
  kernel: string
  node: string
}

/** What the numbers were measured on: CPU model and count (/proc/cpuinfo), memory, Node. */
export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown'
  let cpus = os.cpus().length
  try {
    const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8')
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? cpuModel
    cpus = cpuinfo.match(/^processor\s*:/gm)?.length ?? cpus
  } catch {
    // Not Linux: os.cpus() it is.
  }
  return {
    cpuModel,
    cpus,
    memoryGiB: os.totalmem() / 1024 ** 3,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
  }
}
