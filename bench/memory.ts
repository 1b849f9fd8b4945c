import fs from 'node:fs'

export type Memory = { rssMiB: number; peakMiB: number }

/** Resident set size now (VmRSS) and its peak since the process started (VmHWM), in MiB. */
export function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN)
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 }
}
